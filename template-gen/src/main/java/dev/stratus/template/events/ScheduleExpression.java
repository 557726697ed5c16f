package dev.stratus.template.events;

import dev.stratus.template.diagnostics.Message;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An EventBridge schedule expression, parsed: {@code rate(...)}, six-field {@code cron(...)}, a one-time
 * {@code at(...)} (EventBridge Scheduler only), or what is wrong.
 */
public sealed interface ScheduleExpression {

  record Rate(long amount, ChronoUnit unit) implements ScheduleExpression {
    public Duration period() {
      return unit.getDuration().multipliedBy(amount);
    }
  }

  record Cron(List<String> fields) implements ScheduleExpression {
    public Cron {
      fields = List.copyOf(fields);
    }
  }

  /** Once, at a date and time of the schedule's time zone (UTC without one). */
  record At(LocalDateTime time) implements ScheduleExpression {}

  record Invalid(Message problem) implements ScheduleExpression {}

  static ScheduleExpression parse(String expression) {
    return ScheduleParser.parse(expression);
  }
}
