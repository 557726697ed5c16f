package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP API (API Gateway v2) route that invokes the annotated {@link CfFunction}: a SAM {@code HttpApi} event.
 *
 * <pre>{@code
 * @HttpApiRoute(path = "/orders/{id}", method = "GET")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(HttpApiRoutes.class)
public @interface HttpApiRoute {
  /** Route path starting with {@code /}. */
  String path();

  /** GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY. */
  String method();

  /** Logical id of an {@code AWS::Serverless::HttpApi}; empty means SAM's implicit HTTP API. */
  String api() default "";

  /**
   * Who may call it: a {@link JwtAuthorizer}'s or {@code @Authorizer} method's name, {@code "AWS_IAM"} (SigV4-signed
   * calls), or {@code "NONE"} to opt out of the API's {@link DefaultAuthorizer}; empty means the default, if any.
   */
  String authorizer() default "";

  /** OAuth scopes, one of which the caller's token must have; a JWT authorizer's routes only. */
  String[] scopes() default {};

  /** Event name inside the function; empty derives one from method and path. */
  String name() default "";
}
