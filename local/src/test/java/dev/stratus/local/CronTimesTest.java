package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Next firing times of EventBridge cron expressions, in their time zone, DST included. */
class CronTimesTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static ZonedDateTime next(String expression, String after, ZoneId zone) {
    return CronTimes.of(List.of(expression.split(" ")))
        .next(ZonedDateTime.of(java.time.LocalDateTime.parse(after), zone));
  }

  @ParameterizedTest
  @CsvSource({
      // weekdays at 8 in Berlin: from a Saturday evening to Monday morning
      "'0 8 ? * MON-FRI *', 2026-12-05T20:00, 2026-12-07T08:00",
      // every 15 minutes
      "'0/15 * * * ? *', 2026-12-05T20:07, 2026-12-05T20:15",
      // the first of each month at noon, and 1 is Sunday
      "'0 12 1 * ? *', 2026-12-05T20:00, 2027-01-01T12:00",
      "'30 9 ? * 1 *', 2026-12-05T20:00, 2026-12-06T09:30",
      // named months, lists, and a year of its own
      "'0 0 1 JAN,JUL ? 2028', 2026-12-05T20:00, 2028-01-01T00:00",
      // 02:30 does not exist in Berlin on 2027-03-28 (clocks go from 2 to 3): the next day's is the next one
      "'30 2 * * ? *', 2027-03-28T00:00, 2027-03-29T02:30",
  })
  void nextTimes(String expression, String after, String expected) {
    ZonedDateTime got = next(expression, after, BERLIN);
    assertThat(got.toLocalDateTime()).isEqualTo(java.time.LocalDateTime.parse(expected));
  }

  @Test
  void aYearPastIsNever() {
    assertThat(next("0 0 1 1 ? 2020", "2026-12-05T20:00", BERLIN)).isNull();
  }

  @Test
  void lastDaysAndNthWeekdaysAreNotComputed() {
    assertThat(CronTimes.of(List.of("0", "12", "L", "*", "?", "*"))).isNull();
    assertThat(CronTimes.of(List.of("0", "10", "?", "*", "2#3", "*"))).isNull();
  }
}
