package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a CloudFormation (or SAM) resource next to the code that uses it.
 *
 * <pre>{@code
 * @CfResource(logicalId = "FilesTable", type = "AWS::DynamoDB::Table", properties = """
 *     BillingMode: PAY_PER_REQUEST
 *     AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
 *     KeySchema: [{AttributeName: id, KeyType: HASH}]
 *     """)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(CfResources.class)
public @interface CfResource {
  /** Alphanumeric logical id, unique in the template. */
  String logicalId();

  /** Resource type, e.g. {@code AWS::S3::Bucket}. */
  String type();

  /** The {@code Properties} mapping as YAML; empty means none. */
  String properties() default "";

  /** Name of a condition that creates this resource. */
  String condition() default "";

  /** Logical ids this resource depends on. */
  String[] dependsOn() default {};

  /** {@code Delete}, {@code Retain}, {@code RetainExceptOnCreate} or {@code Snapshot}; also sets UpdateReplacePolicy unless that is given. */
  String deletionPolicy() default "";

  /** {@code Delete}, {@code Retain} or {@code Snapshot}; empty follows {@link #deletionPolicy()}. */
  String updateReplacePolicy() default "";
}
