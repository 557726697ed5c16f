package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the annotated {@link CfFunction} on S3 notifications of a bucket declared in the same template
 * (SAM requires that): a SAM {@code S3} event.
 *
 * <pre>{@code
 * @OnS3Event(bucket = "StorageBucket", events = "s3:ObjectCreated:*", prefix = "uploads/")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(OnS3Events.class)
public @interface OnS3Event {
  /** Logical id of an {@code AWS::S3::Bucket} of the template. */
  String bucket();

  String[] events() default {"s3:ObjectCreated:*"};

  /** Key prefix filter; empty means none. */
  String prefix() default "";

  /** Key suffix filter; empty means none. */
  String suffix() default "";

  /** Event name inside the function; empty derives one from the bucket. */
  String name() default "";
}
