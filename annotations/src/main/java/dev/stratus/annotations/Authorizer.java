package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Lambda authorizer: a typed method (with {@link CfFunction}) that takes the caller's token as a
 * {@code String}, or the whole {@code dev.stratus.runtime.AuthRequest}, and returns a
 * {@code dev.stratus.runtime.AuthResult}: allow or deny, the principal, and the context routes read by
 * {@code @AuthContext}. One method serves REST and HTTP APIs alike; routes name it by {@code authorizer}.
 *
 * <pre>{@code
 * @CfFunction
 * @Authorizer(name = "Tenants", ttl = 300)
 * public AuthResult tenant(String token) {
 *   return keys.tenantOf(token).map(t -> AuthResult.allow("user").with("tenant", t)).orElse(AuthResult.deny());
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Authorizer {
  /** The name routes give as {@code authorizer}; empty means the method's name with a capital. */
  String name() default "";

  /**
   * The headers whose values identify a caller: a request without them is refused before the function runs,
   * and an answer is cached for their values. A {@code String} parameter gets the first.
   */
  String[] headers() default {"Authorization"};

  /** Query parameters that identify a caller too (REST: a {@code REQUEST} authorizer). */
  String[] queryStrings() default {};

  /** Seconds an answer is cached for the same identity; 0 caches nothing. At most 3600. */
  int ttl() default 300;
}
