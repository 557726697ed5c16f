package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the annotated {@link CfFunction} for each message published to an SNS topic: a SAM {@code SNS} event.
 *
 * <pre>{@code
 * @OnSnsMessage(topic = "AlertsTopic", filterPolicy = "{\"severity\": [\"high\"]}")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(OnSnsMessages.class)
public @interface OnSnsMessage {
  /** Logical id of an {@code AWS::SNS::Topic} of the template, or a topic ARN (also as an intrinsic). */
  String topic();

  /**
   * Must stay 0: SNS invokes a function once per message. To take messages in batches, subscribe an SQS
   * queue to the topic and use {@link OnSqsMessage#batchSize()}; the processor says so if this is set.
   */
  int batchSize() default 0;

  /** Subscription filter policy as JSON; empty means none. */
  String filterPolicy() default "";

  /** Event name inside the function; empty derives one from the topic. */
  String name() default "";
}
