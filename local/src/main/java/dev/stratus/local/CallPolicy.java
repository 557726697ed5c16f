package dev.stratus.local;

import dev.stratus.template.connect.IamPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a function's policy statements allow, with the local stack's ARNs: IAM's Allow and Deny, its {@code *}
 * and {@code ?}, actions compared without case. Only statements can be judged here: a function with a SAM
 * policy template, a managed policy or {@code NotAction} has none ({@link #of} answers null).
 */
final class CallPolicy {
  private record Statement(boolean allow, List<Pattern> actions, List<Pattern> resources) {
    boolean matches(AwsCall call) {
      return actions.stream().anyMatch(a -> a.matcher(call.action().toLowerCase(Locale.ROOT)).matches())
          && (call.arn() == null || resources.stream().anyMatch(r -> r.matcher(call.arn()).matches()));
    }
  }

  private final List<Statement> statements;

  private CallPolicy(List<Statement> statements) {
    this.statements = statements;
  }

  /** The policy of a function's evaluated {@code Policies}, or null when it holds what cannot be judged here. */
  static CallPolicy of(Object policies) {
    List<Statement> out = new ArrayList<>();
    for (Object policy : policies instanceof List<?> l ? l : policies == null ? List.of() : List.of(policies)) {
      if (!(policy instanceof Map<?, ?> doc) || !doc.containsKey("Statement")) {
        return null;
      }
      Object st = doc.get("Statement");
      for (Object one : st instanceof List<?> l ? l : List.of(st)) {
        if (!(one instanceof Map<?, ?> s) || !s.containsKey("Action") || !s.containsKey("Resource")) {
          return null;
        }
        out.add(new Statement(!"Deny".equals(s.get("Effect")), patterns(s.get("Action"), true),
            patterns(s.get("Resource"), false)));
      }
    }
    return new CallPolicy(out);
  }

  /** Whether a statement allows {@code call} and none denies it. */
  boolean allows(AwsCall call) {
    boolean allowed = false;
    for (Statement s : statements) {
      if (s.matches(call)) {
        if (!s.allow()) {
          return false;
        }
        allowed = true;
      }
    }
    return allowed;
  }

  private static List<Pattern> patterns(Object value, boolean lowerCase) {
    List<Pattern> out = new ArrayList<>();
    for (Object v : value instanceof List<?> l ? l : List.of(value)) {
      out.add(IamPattern.of(lowerCase ? String.valueOf(v).toLowerCase(Locale.ROOT) : String.valueOf(v)));
    }
    return out;
  }
}
