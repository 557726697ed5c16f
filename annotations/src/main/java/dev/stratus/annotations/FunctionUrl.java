package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives the annotated {@link CfFunction} an HTTPS endpoint of its own, a Lambda function URL: the function's
 * {@code FunctionUrlConfig}. Requests arrive as an HTTP API's payload 2.0 does. One per function.
 *
 * <pre>{@code
 * @CfFunction
 * @FunctionUrl(authType = "NONE", allowOrigins = "https://example.com")
 * public class Webhook implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface FunctionUrl {
  /** {@code NONE} (anyone may call it) or {@code AWS_IAM} (callers sign with SigV4). */
  String authType() default "NONE";

  /** CORS: the origins that may call it from a browser; none, no CORS. */
  String[] allowOrigins() default {};

  /** CORS: the methods allowed; left out, those the browser asks for are not listed. */
  String[] allowMethods() default {};

  /** CORS: the request headers allowed. */
  String[] allowHeaders() default {};

  /** CORS: the response headers a browser may read. */
  String[] exposeHeaders() default {};

  /** CORS: whether cookies and credentials may be sent. */
  boolean allowCredentials() default false;

  /** CORS: how long, in seconds, a browser may keep the preflight's answer; 0 leaves it out. */
  int maxAge() default 0;
}
