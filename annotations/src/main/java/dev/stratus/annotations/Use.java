package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says once that a function uses a resource of the template; the rest follows from it. The function gets
 * the IAM statements of the access (SAM's connector profiles, scoped to the resource's ARN forms: a table
 * and its indexes, a bucket and its objects, a queue, a topic) and an environment variable with the
 * resource's name, URL or ARN, {@code FILES_TABLE_NAME} for {@code FilesTable}.
 *
 * <pre>{@code
 * @CfFunction
 * @Use(value = "FilesTable", access = {Access.READ, Access.WRITE})
 * @Use(value = "Alerts", access = Access.WRITE)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(Uses.class)
public @interface Use {
  /**
   * Logical id of the resource: a table, bucket, queue, topic, Kinesis stream, function, state machine or event
   * bus; or a parameter whose value names one outside the stack, with {@link #type}.
   */
  String value();

  /**
   * For a parameter that names a resource outside the stack (by its name): its type, e.g.
   * {@code "AWS::DynamoDB::Table"}; the ARN is built from the name, the stack's partition, region and account.
   */
  String type() default "";

  /** The access categories; with {@link #actions} alone, none. */
  Access[] access() default {};

  /**
   * Exact actions instead of, or besides, whole categories: {@code actions = "dynamodb:PutItem"}, on the same
   * resource forms. Checked against IAM's actions of the resource's service.
   */
  String[] actions() default {};

  /** For a bucket: the keys the object statements cover, {@code "uploads/*"}; empty means all of them. */
  String objects() default "";

  /**
   * The environment variable that carries the resource's name (tables, buckets, functions, event buses),
   * URL (queues) or ARN (topics, state machines); empty means the logical id in upper snake case and
   * {@code _NAME}, {@code _URL} or {@code _ARN}.
   */
  String env() default "";
}
