package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Invokes the annotated {@link CfFunction} on a schedule: a SAM {@code Schedule} event (an EventBridge rule),
 * or with a {@link #timezone} or a one-time {@code at(...)}, a {@code ScheduleV2} (EventBridge Scheduler).
 *
 * <pre>{@code
 * @OnSchedule("rate(30 minutes)")
 * @OnSchedule(value = "cron(0 12 * * ? *)", input = "{\"report\": true}")
 * @OnSchedule(value = "cron(0 8 ? * MON-FRI *)", timezone = "Europe/Berlin")
 * @OnSchedule("at(2027-01-31T09:00:00)")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD})
@Repeatable(OnSchedules.class)
public @interface OnSchedule {
  /**
   * {@code rate(N unit)}, a six-field {@code cron(...)} expression of EventBridge, or {@code at(...)}: once, at a
   * date and time of {@link #timezone}.
   */
  String value();

  /** An IANA time zone ({@code Europe/Berlin}) that {@code cron(...)} and {@code at(...)} read; empty: UTC. */
  String timezone() default "";

  boolean enabled() default true;

  /** JSON passed as the event instead of the scheduled-event payload; empty means none. */
  String input() default "";

  /** Event name inside the function; empty means {@code Schedule}, {@code Schedule2}, … */
  String name() default "";
}
