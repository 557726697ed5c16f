package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the annotated {@link CfFunction} with each event of a bus that matches a pattern: a SAM
 * {@code EventBridgeRule} event. The pattern is checked as EventBridge checks it, at compile time.
 *
 * <pre>{@code
 * @OnEventBridgeRule(bus = "OrdersBus", pattern = """
 *     source: [shop.orders]
 *     detail-type: [OrderPlaced]
 *     detail:
 *       total: [{numeric: [">=", 100]}]
 *     """)
 * public void bigOrder(BusEvent<OrderPlaced> event) { ... }
 * }</pre>
 *
 * A typed method takes the event's {@code detail} as its own type ({@code OrderPlaced}), or the event around
 * it as {@code dev.stratus.runtime.BusEvent<OrderPlaced>} with its source, detail type and time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(OnEventBridgeRules.class)
public @interface OnEventBridgeRule {
  /**
   * The event pattern, in YAML or JSON: event fields ({@code source}, {@code detail-type}, {@code detail}, …)
   * that list what they match, as values or filters ({@code prefix}, {@code suffix}, {@code anything-but},
   * {@code numeric}, {@code exists}, {@code cidr}, {@code equals-ignore-case}, {@code wildcard}, {@code $or}).
   */
  String pattern();

  /**
   * Logical id of an {@code AWS::Events::EventBus} of the template, or another bus's ARN (also as an
   * intrinsic); empty or {@code default}: the account's default bus.
   */
  String bus() default "";

  /** Event name inside the function; empty derives one from the pattern's detail type or source. */
  String name() default "";
}
