package dev.stratus.template.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScheduleExpressionTest {

  @ParameterizedTest
  @CsvSource({"rate(1 minute),PT1M", "rate(5 minutes),PT5M", "rate(1 hour),PT1H", "rate(12 hours),PT12H",
      "rate(7 days),PT168H"})
  void ratesHaveTheirPeriod(String expression, Duration period) {
    assertThat(ScheduleExpression.parse(expression)).isInstanceOfSatisfying(ScheduleExpression.Rate.class,
        r -> assertThat(r.period()).isEqualTo(period));
  }

  @Test
  void aRateKeepsItsAmountAndUnit() {
    assertThat(ScheduleExpression.parse(" rate(30 minutes) "))
        .isEqualTo(new ScheduleExpression.Rate(30, ChronoUnit.MINUTES));
  }

  @ParameterizedTest
  @ValueSource(strings = {"cron(0 12 * * ? *)", "cron(15 10 ? * 6L 2022-2023)", "cron(0/15 * * * ? *)",
      "cron(0 8 1 * ? *)", "cron(0 18 ? * MON-FRI *)", "cron(0 10 ? * 2#3 *)"})
  void cronExpressionsKeepTheirSixFields(String expression) {
    assertThat(ScheduleExpression.parse(expression)).isInstanceOfSatisfying(ScheduleExpression.Cron.class,
        c -> assertThat(c.fields()).hasSize(6));
  }

  @Test
  void cronFieldsInOrder() {
    assertThat(ScheduleExpression.parse("cron(0 18 ? * MON-FRI *)"))
        .isEqualTo(new ScheduleExpression.Cron(List.of("0", "18", "?", "*", "MON-FRI", "*")));
  }

  @Test
  void oneTimeSchedulesKeepTheirLocalTime() {
    assertThat(ScheduleExpression.parse("at(2027-01-31T09:00:00)"))
        .isEqualTo(new ScheduleExpression.At(java.time.LocalDateTime.of(2027, 1, 31, 9, 0)));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rate(5 minute)|[StratusInvalidSchedule] 'rate(5 minute)' must say rate(5 minutes)",
      "rate(1 hours)|[StratusInvalidSchedule] 'rate(1 hours)' must say rate(1 hour)",
      "rate(0 hours)|[StratusInvalidSchedule] 'rate(0 hours)' must be at least 1 hour",
      "rate(5 weeks)|[StratusInvalidSchedule] 'rate(5 weeks)' is not a rate expression; write e.g. rate(5 minutes), rate(1 hour) or rate(7 days)",
      "cron(0 12 * * *)|[StratusInvalidSchedule] 'cron(0 12 * * *)' has 5 fields; EventBridge cron takes 6 (minutes hours day-of-month month day-of-week year), e.g. cron(0 12 * * ? *)",
      "cron(0 12 * * * *)|[StratusInvalidSchedule] 'cron(0 12 * * * *)' must have '?' in exactly one of day-of-month and day-of-week, e.g. cron(0 12 * * ? *)",
      "cron(0 25 * * ? *)|[StratusInvalidSchedule] hours 25 is out of range 0–23 in 'cron(0 25 * * ? *)'",
      "cron(0 12 x * ? *)|[StratusInvalidSchedule] 'x' is not a valid day-of-month field in 'cron(0 12 x * ? *)'",
      "every 5 minutes|[StratusInvalidSchedule] 'every 5 minutes' is neither rate(...) nor cron(...); write e.g. rate(30 minutes) or cron(0 12 * * ? *)",
      "at(2027-01-31 09:00)|[StratusInvalidSchedule] 'at(2027-01-31 09:00)' is not a one-time schedule; write the date and time in the schedule's time zone as at(2027-01-31T09:00:00)",
      "at(2027-02-30T09:00:00)|[StratusInvalidSchedule] 'at(2027-02-30T09:00:00)' is not a one-time schedule; write the date and time in the schedule's time zone as at(2027-01-31T09:00:00)",
  })
  void invalidSchedulesSayWhatToWrite(String expression, String message) {
    assertThat(ScheduleExpression.parse(expression)).isInstanceOfSatisfying(ScheduleExpression.Invalid.class,
        i -> assertThat(i.problem().tagged()).isEqualTo(message));
  }
}
