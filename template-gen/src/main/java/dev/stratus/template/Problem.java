package dev.stratus.template;

import java.util.List;

/**
 * One thing wrong with a template. {@code path} locates it as CloudFormation does
 * ({@code [Resources, PreprocessFunction, Events, PostFile]}), so that a caller can point at whatever
 * declared that part: an annotation, a line of a base template.
 */
public record Problem(Rule rule, List<String> path, String message) {
  public Problem {
    path = List.copyOf(path);
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
    return rule.severity() == Severity.ERROR;
  }

  public String describe() {
    return rule.tag() + " " + String.join("/", path) + ": " + message;
  }
}
