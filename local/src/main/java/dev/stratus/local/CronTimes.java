package dev.stratus.local;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * When an EventBridge {@code cron(...)} fires, in its time zone: minutes, hours, day of month, month, day of
 * week (1 is Sunday) and year, each {@code *}, {@code ?}, numbers, names, ranges, lists and steps. {@code L},
 * {@code W} and {@code #} are not computed here ({@link #of} is null): such schedules run when invoked.
 */
final class CronTimes {
  private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP",
      "OCT", "NOV", "DEC");
  private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");
  /** Far enough for any expression that fires at all; years past it mean it never does. */
  private static final int HORIZON_YEARS = 8;

  private final BitSet minutes;
  private final BitSet hours;
  private final BitSet daysOfMonth;
  private final BitSet months;
  private final BitSet daysOfWeek;
  private final BitSet years;

  private CronTimes(BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months, BitSet daysOfWeek, BitSet years) {
    this.minutes = minutes;
    this.hours = hours;
    this.daysOfMonth = daysOfMonth;
    this.months = months;
    this.daysOfWeek = daysOfWeek;
    this.years = years;
  }

  /** The six fields of an expression the template checks passed, or null when one uses L, W or #. */
  static CronTimes of(List<String> fields) {
    // Day of month's L and W; day of week's nL and n#k (its names have neither L nor #, and W only in WED).
    if (fields.get(2).matches(".*[LW].*") || fields.get(4).matches(".*[#L].*")) {
      return null;
    }
    return new CronTimes(field(fields.get(0), 0, 59, List.of(), 0), field(fields.get(1), 0, 23, List.of(), 0),
        field(fields.get(2), 1, 31, List.of(), 0), field(fields.get(3), 1, 12, MONTHS, 1),
        field(fields.get(4), 1, 7, DAYS, 1), field(fields.get(5), 1970, 2199, List.of(), 0));
  }

  private static BitSet field(String text, int min, int max, List<String> names, int firstName) {
    BitSet out = new BitSet();
    for (String part : text.split(",")) {
      String[] stepped = part.split("/", 2);
      int step = stepped.length == 2 ? Integer.parseInt(stepped[1]) : 1;
      String range = stepped[0];
      int from;
      int to;
      if (range.equals("*") || range.equals("?")) {
        from = min;
        to = max;
      } else if (range.contains("-")) {
        String[] ends = range.split("-", 2);
        from = value(ends[0], names, firstName);
        to = value(ends[1], names, firstName);
      } else {
        from = value(range, names, firstName);
        to = stepped.length == 2 ? max : from;
      }
      for (int v = from; v <= to; v += step) {
        out.set(v);
      }
    }
    return out;
  }

  private static int value(String text, List<String> names, int firstName) {
    int named = names.indexOf(text.toUpperCase(Locale.ROOT));
    return named >= 0 ? named + firstName : Integer.parseInt(text);
  }

  /** The first time after {@code after} (in its zone) that the expression fires, or null for none. */
  ZonedDateTime next(ZonedDateTime after) {
    ZonedDateTime t = after.truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
    ZonedDateTime end = after.plusYears(HORIZON_YEARS);
    while (t.isBefore(end)) {
      if (!years.get(t.getYear())) {
        t = t.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).plusYears(1);
      } else if (!months.get(t.getMonthValue())) {
        t = t.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
      } else if (!daysOfMonth.get(t.getDayOfMonth()) || !daysOfWeek.get(sundayFirst(t.getDayOfWeek()))) {
        t = t.truncatedTo(ChronoUnit.DAYS).plusDays(1);
      } else if (!hours.get(t.getHour())) {
        t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
      } else if (!minutes.get(t.getMinute())) {
        t = t.plusMinutes(1);
      } else {
        return t;
      }
    }
    return null;
  }

  private static int sundayFirst(DayOfWeek d) {
    return d == DayOfWeek.SUNDAY ? 1 : d.getValue() + 1;
  }
}
