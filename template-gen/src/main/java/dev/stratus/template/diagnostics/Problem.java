package dev.stratus.template.diagnostics;

import java.util.List;

/**
 * One thing wrong with a template. {@code path} locates it as CloudFormation does
 * ({@code [Resources, PreprocessFunction, Events, PostFile]}), so that a caller can point at whatever
 * declared that part: an annotation, a line of a base template.
 */
public record Problem(Rule rule, List<String> path, String message, Severity severity) {
  public Problem {
    path = List.copyOf(path);
  }

  /** A problem as severe as its rule says. */
  public Problem(Rule rule, List<String> path, String message) {
    this(rule, path, message, rule.severity());
  }

  /** The same problem reported as a warning, for a build that chose to accept it. */
  public Problem asWarning() {
    return new Problem(rule, path, message, Severity.WARNING);
  }

  /** The stable rule names; they appear in messages as {@code [StratusUnknownReference]} so users can search them. */
  public enum Rule {
    DuplicateId,
    InvalidId,
    UnknownReference,
    UnknownCondition,
    InvalidReference,
    ConditionalReference,
    DependencyCycle,
    GlobalsWithoutTransform,
    InvalidGlobals,
    LimitExceeded,
    UnknownResourceType,
    UnknownProperty,
    InvalidPropertyValue,
    MissingProperty,
    UnknownAttribute,
    InvalidRuntime,
    InvalidHttpRoute,
    InvalidSchedule,
    InvalidBatchSize,
    InvalidEventSource,
    DeprecatedRuntime(Severity.WARNING),
    UnusedParameter(Severity.WARNING),
    UnusedResource(Severity.WARNING),
    FunctionWithoutEvents(Severity.WARNING),
    MixedApiKinds(Severity.WARNING);

    private final Severity severity;

    Rule() {
      this(Severity.ERROR);
    }

    Rule(Severity severity) {
      this.severity = severity;
    }

    public Severity severity() {
      return severity;
    }

    public String tag() {
      return "[Stratus" + name() + "]";
    }
  }

  public enum Severity { ERROR, WARNING }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public String describe() {
    return rule.tag() + " " + String.join("/", path) + ": " + message;
  }
}
