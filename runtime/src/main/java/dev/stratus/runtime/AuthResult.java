package dev.stratus.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an {@code @Authorizer} method answers: allow a principal, with a context that routes read by
 * {@code @AuthContext}; deny (a 403); or unauthorized (a 401 on a REST API, a 403 on an HTTP API, which has no
 * other way to refuse). Context values are text, numbers or booleans, as API Gateway passes them on.
 *
 * <pre>{@code
 * return AuthResult.allow("user-17").with("tenant", "acme").with("admin", false);
 * }</pre>
 */
public final class AuthResult {
  private enum Outcome { ALLOW, DENY, UNAUTHORIZED }

  private final Outcome outcome;
  private final String principal;
  private final Map<String, Object> context;

  private AuthResult(Outcome outcome, String principal, Map<String, Object> context) {
    this.outcome = outcome;
    this.principal = principal;
    this.context = context;
  }

  public static AuthResult allow(String principal) {
    if (principal == null || principal.isEmpty()) {
      throw new IllegalArgumentException("an allowed caller needs a principal, such as its user id");
    }
    return new AuthResult(Outcome.ALLOW, principal, Map.of());
  }

  /** The caller is known but may not call the API: a 403. */
  public static AuthResult deny() {
    return new AuthResult(Outcome.DENY, "anonymous", Map.of());
  }

  /** The caller's credentials are wrong or missing: a 401 on a REST API. */
  public static AuthResult unauthorized() {
    return new AuthResult(Outcome.UNAUTHORIZED, "anonymous", Map.of());
  }

  public AuthResult with(String key, String value) {
    return put(key, value);
  }

  public AuthResult with(String key, long value) {
    return put(key, value);
  }

  public AuthResult with(String key, boolean value) {
    return put(key, value);
  }

  private AuthResult put(String key, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(context);
    more.put(key, value);
    return new AuthResult(outcome, principal, Collections.unmodifiableMap(more));
  }

  public boolean allowed() {
    return outcome == Outcome.ALLOW;
  }

  public boolean unauthorizedCaller() {
    return outcome == Outcome.UNAUTHORIZED;
  }

  public String principal() {
    return principal;
  }

  public Map<String, Object> context() {
    return context;
  }

  @Override
  public String toString() {
    return outcome.name().toLowerCase(java.util.Locale.ROOT) + (allowed() ? " " + principal + " " + context : "");
  }
}
