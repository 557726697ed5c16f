package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A REST API (API Gateway v1) route that invokes the annotated {@link CfFunction}: a SAM {@code Api} event.
 *
 * <pre>{@code
 * @ApiRoute(path = "/files", method = "PUT", apiKeyRequired = true, api = "FilestoreApi")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(ApiRoutes.class)
public @interface ApiRoute {
  /** Resource path starting with {@code /}; path parameters as {@code {id}}, greedy as {@code {proxy+}}. */
  String path();

  /** GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY. */
  String method();

  /** Requires the {@code x-api-key} header. */
  boolean apiKeyRequired() default false;

  /** Logical id of an {@code AWS::Serverless::Api}; empty means SAM's implicit API. */
  String api() default "";

  /**
   * Who may call it: a {@link CognitoAuthorizer}'s or {@code @Authorizer} method's name, {@code "AWS_IAM"} (SigV4-signed
   * calls), or {@code "NONE"} to opt out of the API's {@link DefaultAuthorizer}; empty means the default, if any.
   */
  String authorizer() default "";

  /** OAuth scopes, one of which the caller's access token must have; a Cognito authorizer's routes only. */
  String[] scopes() default {};

  /** Event name inside the function; empty derives one from method and path. */
  String name() default "";
}
