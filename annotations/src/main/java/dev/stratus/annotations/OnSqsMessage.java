package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the annotated {@link CfFunction} with batches of SQS messages: a SAM {@code SQS} event.
 *
 * <pre>{@code
 * @OnSqsMessage(queue = "JobsQueue", batchSize = 10)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(OnSqsMessages.class)
public @interface OnSqsMessage {
  /** Logical id of an {@code AWS::SQS::Queue} of the template, or a queue ARN (also as an intrinsic). */
  String queue();

  /** 1–10000; left out, SAM's default (10) applies (an explicit 0 is an error). */
  int batchSize() default 0;

  /** Event name inside the function; empty derives one from the queue. */
  String name() default "";
}
