package dev.stratus.template.diagnostics;

import java.util.List;

/**
 * One thing wrong with a template. {@code path} locates it as CloudFormation does
 * ({@code [Resources, PreprocessFunction, Events, PostFile]}), so that a caller can point at whatever
 * declared that part: an annotation, a line of a base template.
 */
public record Problem(Message message, List<String> path, Severity severity) {
  public Problem {
    path = List.copyOf(path);
  }

  public static Problem of(List<String> path, Diagnostic diagnostic, Object... args) {
    return diagnostic.with(args).at(path);
  }

  public Diagnostic diagnostic() {
    return message.diagnostic();
  }

  /** The words without tag or path. */
  public String text() {
    return message.text();
  }

  /** The same problem reported as a warning, for a build that chose to accept it. */
  public Problem asWarning() {
    return new Problem(message, path, Severity.WARNING);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public String describe() {
    return message.diagnostic().tag() + " " + String.join("/", path) + ": " + message.text();
  }
}
