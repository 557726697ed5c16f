package dev.stratus.template.check;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamEventsTest {

  @ParameterizedTest
  @ValueSource(strings = {"rate(1 minute)", "rate(5 minutes)", "rate(1 hour)", "rate(12 hours)", "rate(7 days)",
      "cron(0 12 * * ? *)", "cron(15 10 ? * 6L 2022-2023)", "cron(0/15 * * * ? *)", "cron(0 8 1 * ? *)",
      "cron(0 18 ? * MON-FRI *)", "cron(0 10 ? * 2#3 *)"})
  void validSchedules(String expression) {
    assertThat(SamEvents.checkSchedule(expression)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "rate(5 minute)|'rate(5 minute)' must say rate(5 minutes)",
      "rate(0 hours)|'rate(0 hours)' must be at least 1 hour",
      "rate(5 weeks)|'rate(5 weeks)' is not a rate expression; write e.g. rate(5 minutes), rate(1 hour) or rate(7 days)",
      "cron(0 12 * * *)|'cron(0 12 * * *)' has 5 fields; EventBridge cron takes 6 (minutes hours day-of-month month day-of-week year), e.g. cron(0 12 * * ? *)",
      "cron(0 12 * * * *)|'cron(0 12 * * * *)' must have '?' in exactly one of day-of-month and day-of-week, e.g. cron(0 12 * * ? *)",
      "cron(0 25 * * ? *)|hours 25 is out of range 0–23 in 'cron(0 25 * * ? *)'",
      "every 5 minutes|'every 5 minutes' is neither rate(...) nor cron(...); write e.g. rate(30 minutes) or cron(0 12 * * ? *)",
  })
  void invalidSchedulesSayWhatToWrite(String expression, String message) {
    assertThat(SamEvents.checkSchedule(expression)).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/", "/file", "/file/{id}", "/files/{proxy+}", "/a.b/c-d_e~f"})
  void validPaths(String path) {
    assertThat(SamEvents.checkPath(path)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "file|path 'file' must start with '/', e.g. '/file'",
      "/file/|path '/file/' must not end with '/'; write '/file'",
      "/a//b|path '/a//b' has an empty segment ('//')",
      "/a/{id/b|path segment '{id' of '/a/{id/b' is neither literal text nor a parameter like {id}",
      "/{proxy+}/x|greedy parameter {proxy+} must be the last segment of '/{proxy+}/x'",
  })
  void invalidPaths(String path, String message) {
    assertThat(SamEvents.checkPath(path)).contains(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "post", "Any", "OPTIONS"})
  void validMethods(String method) {
    assertThat(SamEvents.checkMethod(method)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"0", "10001", "-1"})
  void batchSizesOutOfRange(long size) {
    assertThat(SamEvents.checkBatchSize(size, 10_000)).contains(
        "batch size " + size + " is out of range; it must be between 1 and 10000");
  }
}
