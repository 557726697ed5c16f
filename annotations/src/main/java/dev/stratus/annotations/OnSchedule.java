package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the annotated {@link CfFunction} on a schedule: a SAM {@code Schedule} event.
 *
 * <pre>{@code
 * @OnSchedule("rate(30 minutes)")
 * @OnSchedule(value = "cron(0 12 * * ? *)", input = "{\"report\": true}")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(OnSchedules.class)
public @interface OnSchedule {
  /** {@code rate(N unit)} or a six-field {@code cron(...)} expression of EventBridge. */
  String value();

  boolean enabled() default true;

  /** JSON passed as the event instead of the scheduled-event payload; empty means none. */
  String input() default "";

  /** Event name inside the function; empty means {@code Schedule}, {@code Schedule2}, … */
  String name() default "";
}
