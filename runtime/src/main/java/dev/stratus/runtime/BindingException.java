package dev.stratus.runtime;

import java.util.List;

/** The parameters of one request that could not be bound; answered as one 400. */
final class BindingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Binding.Failure> failures;

  BindingException(List<Binding.Failure> failures) {
    super(describe(failures), null, false, false);
    this.failures = List.copyOf(failures);
  }

  List<Binding.Failure> failures() {
    return failures;
  }

  private static String describe(List<Binding.Failure> failures) {
    StringBuilder b = new StringBuilder(failures.size() == 1 ? "invalid request: " : failures.size()
        + " parameters are invalid: ");
    for (int i = 0; i < failures.size(); i++) {
      Binding.Failure f = failures.get(i);
      String what = switch (f.in()) {
        case "body" -> "the body";
        case "header", "claim" -> f.in() + " '" + f.name() + "'";
        case "authorizer context" -> "authorizer context value '" + f.name() + "'";
        default -> f.in() + " parameter '" + f.name() + "'";
      };
      b.append(i == 0 ? "" : "; ").append(what).append(' ').append(f.problem());
    }
    return b.toString();
  }
}
