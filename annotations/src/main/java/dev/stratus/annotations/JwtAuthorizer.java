package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP API JWT authorizer: API Gateway verifies the bearer token's signature against the issuer's keys, its
 * expiry, issuer and audience, and the route's scopes. A Cognito user pool is such an issuer. Routes name it by
 * {@code @HttpApiRoute(authorizer = "Users")}; it is defined on every API those routes are on.
 *
 * <pre>{@code
 * @JwtAuthorizer(name = "Users", issuer = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Abc123",
 *     audience = "7f1kq2example")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(JwtAuthorizers.class)
public @interface JwtAuthorizer {
  /** The name routes give as {@code authorizer}. */
  String name();

  /** The token's {@code iss}: an {@code https} URL, or an intrinsic such as {@code "!Sub https://…/${Pool}"}. */
  String issuer();

  /** What the token's {@code aud} (or, without one, its {@code client_id}) must contain one of. */
  String[] audience();

  /** Where the token is: {@code $request.header.Authorization} unless said. */
  String identitySource() default "$request.header.Authorization";
}
