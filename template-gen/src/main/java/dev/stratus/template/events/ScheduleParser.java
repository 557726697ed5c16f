package dev.stratus.template.events;

import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.events.ScheduleExpression.At;
import dev.stratus.template.events.ScheduleExpression.Cron;
import dev.stratus.template.events.ScheduleExpression.Invalid;
import dev.stratus.template.events.ScheduleExpression.Rate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules EventBridge applies to a schedule expression's text. */
final class ScheduleParser {
  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
  private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");
  private static final Pattern AT = Pattern.compile("at\\((.*)\\)");
  private static final String[] CRON_FIELDS = {"minutes", "hours", "day-of-month", "month", "day-of-week", "year"};
  private static final Pattern[] CRON_SYNTAX = {
      Pattern.compile("[0-9,*/-]+"),
      Pattern.compile("[0-9,*/-]+"),
      Pattern.compile("[0-9,*/?LW-]+"),
      Pattern.compile("[0-9A-Za-z,*/-]+"),
      Pattern.compile("[0-9A-Za-z,*/?L#-]+"),
      Pattern.compile("[0-9,*/-]+"),
  };
  private static final int[][] CRON_RANGE = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};

  private ScheduleParser() {}

  static ScheduleExpression parse(String expression) {
    String e = expression.trim();
    if (e.startsWith("rate(")) {
      return rate(expression, e);
    }
    Matcher m = CRON.matcher(e);
    if (m.matches()) {
      return cron(expression, m.group(1).trim().split("\\s+"));
    }
    Matcher at = AT.matcher(e);
    if (at.matches()) {
      try {
        // EventBridge Scheduler's form: yyyy-mm-ddThh:mm:ss, no zone, no fraction.
        if (at.group(1).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}")) {
          return new At(LocalDateTime.parse(at.group(1)));
        }
      } catch (DateTimeParseException ignored) {
        // a date that does not exist, said below as the malformed ones are
      }
      return new Invalid(Diagnostic.InvalidAt.with(expression));
    }
    return new Invalid(Diagnostic.InvalidSchedule.with(expression));
  }

  private static ScheduleExpression rate(String expression, String e) {
    Matcher m = RATE.matcher(e);
    if (!m.matches()) {
      return new Invalid(Diagnostic.InvalidRate.with(expression));
    }
    long n = Long.parseLong(m.group(1));
    String unit = m.group(2);
    boolean plural = unit.endsWith("s");
    String singular = plural ? unit.substring(0, unit.length() - 1) : unit;
    if (n == 0) {
      return new Invalid(Diagnostic.ZeroRate.with(expression, singular));
    }
    if (n == 1 && plural || n > 1 && !plural) {
      return new Invalid(Diagnostic.RateUnitNumber.with(expression, n, n == 1 ? singular : unit + "s"));
    }
    ChronoUnit u = switch (singular) {
      case "minute" -> ChronoUnit.MINUTES;
      case "hour" -> ChronoUnit.HOURS;
      default -> ChronoUnit.DAYS;
    };
    return new Rate(n, u);
  }

  private static ScheduleExpression cron(String expression, String[] fields) {
    if (fields.length != 6) {
      return new Invalid(Diagnostic.CronFieldCount.with(expression, fields.length));
    }
    for (int i = 0; i < 6; i++) {
      if (!CRON_SYNTAX[i].matcher(fields[i]).matches()) {
        return new Invalid(Diagnostic.CronFieldSyntax.with(fields[i], CRON_FIELDS[i], expression));
      }
      for (String number : fields[i].split("[^0-9]+")) {
        if (!number.isEmpty() && !fields[i].contains("/" + number) && !fields[i].contains("#" + number)) {
          long v = Long.parseLong(number);
          if (v < CRON_RANGE[i][0] || v > CRON_RANGE[i][1]) {
            return new Invalid(Diagnostic.CronFieldRange.with(CRON_FIELDS[i], v, CRON_RANGE[i][0], CRON_RANGE[i][1],
                expression));
          }
        }
      }
    }
    boolean domAny = fields[2].equals("?");
    boolean dowAny = fields[4].equals("?");
    if (domAny == dowAny) {
      String dom = domAny ? "*" : fields[2];
      return new Invalid(Diagnostic.CronDayFields.with(expression,
          String.join(" ", fields[0], fields[1], dom, fields[3], "?", fields[5])));
    }
    return new Cron(List.of(fields));
  }
}
