package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the annotated {@link CfFunction} with batches of a table's changes from its DynamoDB stream: a SAM
 * {@code DynamoDB} event. The table needs a {@code StreamSpecification}; a typed method takes each change as
 * {@code dev.stratus.runtime.TableChange<T>}, its images read as {@code T}, and a failed change is delivered
 * again, with those after it (ReportBatchItemFailures).
 *
 * <pre>{@code
 * @OnDynamoDbStream(table = "OrdersTable", startingPosition = "LATEST", batchSize = 100)
 * public void changed(TableChange<Order> change) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(OnDynamoDbStreams.class)
public @interface OnDynamoDbStream {
  /** Logical id of an {@code AWS::DynamoDB::Table} of the template, or a stream ARN (also as an intrinsic). */
  String table();

  /** {@code LATEST} (changes from the mapping's creation on) or {@code TRIM_HORIZON} (all the stream holds). */
  String startingPosition() default "LATEST";

  /** 1–10000; left out, SAM's default (100) applies. */
  int batchSize() default 0;

  /** How long to gather records before invoking, 0–300 seconds; left out, 0. */
  int maximumBatchingWindowInSeconds() default 0;

  /** How often a failing batch is retried before its records are dropped; left out, until they expire (-1). */
  int maximumRetryAttempts() default -1;

  /** Event name inside the function; empty derives one from the table. */
  String name() default "";
}
