package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST API Cognito user pool authorizer: API Gateway takes an ID or access token of any app client of the pool
 * from a header.
 * Routes name it by {@code @ApiRoute(authorizer = "Users", scopes = "orders/read")}; scopes need access tokens.
 * For an HTTP API, a user pool is a {@link JwtAuthorizer}.
 *
 * <pre>{@code
 * @CognitoAuthorizer(name = "Users", userPoolArn = "!GetAtt UserPool.Arn")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(CognitoAuthorizers.class)
public @interface CognitoAuthorizer {
  /** The name routes give as {@code authorizer}. */
  String name();

  /** The user pool's ARN, or an intrinsic such as {@code "!GetAtt UserPool.Arn"}. */
  String userPoolArn();

  /** The header that holds the token. */
  String header() default "Authorization";
}
