package dev.stratus.template.diagnostics;

import java.util.Arrays;
import java.util.List;

/** One message of the catalogue with its values: what a check found, before anyone says where. */
public record Message(Diagnostic diagnostic, List<Object> args) {
  Message(Diagnostic diagnostic, Object[] args) {
    this(diagnostic, Arrays.asList(args.clone()));
  }

  public Message {
    args = List.copyOf(args);
  }

  /** The words without the tag. */
  public String text() {
    return String.format(diagnostic.format(), args.toArray());
  }

  /** {@code [StratusX] words}, as users see it. */
  public String tagged() {
    return diagnostic.tag() + " " + text();
  }

  public Problem at(List<String> path) {
    return new Problem(this, path, diagnostic.severity());
  }
}
