package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an {@code AWS::Serverless::Function} whose code is the annotated handler class.
 *
 * <pre>{@code
 * @CfFunction(
 *     memorySize = 512,
 *     environment = @Env(name = "TABLE", value = "!Ref FilesTable"),
 *     policies = "DynamoDBCrudPolicy: {TableName: !Ref FilesTable}")
 * @ApiRoute(path = "/file", method = "POST")
 * public class PreprocessHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
 *   ...
 * }
 * }</pre>
 *
 * The class must be public, concrete, have a public no-argument constructor and implement
 * {@code RequestHandler} or {@code RequestStreamHandler}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CfFunction {
  /** Logical id; empty means the class's simple name without a trailing {@code Handler}, plus {@code Function}. */
  String logicalId() default "";

  /** Handler string; empty means {@code binary.ClassName::handleRequest}. */
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
