package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an {@code AWS::Serverless::Function}: a typed handler method, or a handler class.
 *
 * <p>On a public method, the processor generates the handler: the event is parsed, the parameters bound
 * ({@link Path}, {@link Query}, {@link Header}, {@link Body}, {@code Context}), the method called once per
 * request on one instance per container, and the result written as JSON.
 *
 * <pre>{@code
 * public class Products {
 *   @CfFunction(memorySize = 512)
 *   @ApiRoute(path = "/products/{id}", method = "GET")
 *   public Product get(@Path("id") long id) { ... }
 * }
 * }</pre>
 *
 * <p>On a class, the class is the handler: it must be public, concrete, have a public no-argument
 * constructor and implement {@code RequestHandler} or {@code RequestStreamHandler}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CfFunction {
  /**
   * Logical id; empty means the class's simple name without a trailing {@code Handler}, then, on a method,
   * the method's name with a capital, then {@code Function}: {@code Products.get} is {@code ProductsGetFunction}.
   */
  String logicalId() default "";

  /**
   * Handler string; empty means {@code binary.ClassName::handleRequest}, or on a method the generated
   * handler class's method of the same name, {@code Products_Lambda::get}.
   */
  String handler() default "";

  /** Lambda runtime; empty means {@code java21}. */
  String runtime() default "";

  /** Memory in MB (128–10240); left out, it inherits from Globals or Lambda's default (an explicit 0 is an error). */
  int memorySize() default 0;

  /** Timeout in seconds (1–900); left out, it inherits from Globals or Lambda's default (explicit 0 is an error). */
  int timeout() default 0;

  /** {@code x86_64} or {@code arm64}; empty inherits. */
  String architecture() default "";

  String description() default "";

  /** Name of a condition (from {@link CfCondition} or the base template) that creates this function. */
  String condition() default "";

  /** Environment variables; values may be intrinsics such as {@code "!Ref FilesTable"}. */
  Env[] environment() default {};

  /**
   * Lambda SnapStart: the function's initialised memory is snapshotted when a version is published and
   * restored instead of a cold start. Sets {@code SnapStart: {ApplyOn: PublishedVersions}} and, because
   * only published versions are snapshotted, {@code AutoPublishAlias: live}.
   */
  boolean snapStart() default false;

  /**
   * SAM policies, each a YAML value: a policy template ({@code "S3ReadPolicy: {BucketName: !Ref Bucket}"}),
   * a managed policy name or ARN, or a policy document.
   */
  String[] policies() default {};
}
