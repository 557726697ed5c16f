package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the annotated {@link CfFunction} with batches of a Kinesis stream's records, in order per shard: a SAM
 * {@code Kinesis} event. A typed method takes each record's data, JSON read as {@code T} (or the text as
 * {@code String}); a failed record is delivered again, with those after it (ReportBatchItemFailures).
 *
 * <pre>{@code
 * @OnKinesisRecord(stream = "Clicks", startingPosition = "LATEST", batchSize = 100)
 * public void clicked(Click click) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(OnKinesisRecords.class)
public @interface OnKinesisRecord {
  /** Logical id of an {@code AWS::Kinesis::Stream} of the template, or a stream ARN (also as an intrinsic). */
  String stream();

  /** {@code LATEST} (records from the mapping's creation on) or {@code TRIM_HORIZON} (all the stream holds). */
  String startingPosition() default "LATEST";

  /** 1–10000; left out, SAM's default (100) applies. */
  int batchSize() default 0;

  /** How long to gather records before invoking, 0–300 seconds; left out, 0. */
  int maximumBatchingWindowInSeconds() default 0;

  /** How often a failing batch is retried before its records are dropped; left out, until they expire (-1). */
  int maximumRetryAttempts() default -1;

  /** Event name inside the function; empty derives one from the stream. */
  String name() default "";
}
