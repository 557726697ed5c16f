package dev.stratus.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KinesisRecordsTest {
  @Test
  void aRecordsDataIsReadFromBase64AndItsSequenceNumberNamesIt() {
    String event = LambdaEvents.kinesis("arn:aws:kinesis:eu-west-1:123456789012:stream/clicks", List.of(
        new LambdaEvents.KinesisRecord("user-1", "{\"page\":\"/é\"}".getBytes(StandardCharsets.UTF_8), "4959",
            "shardId-000000000001", Instant.parse("2026-12-06T10:00:00.250Z"))));
    Map<?, ?> record = (Map<?, ?>) ((List<?>) ((Map<?, ?>) JsonReader.read(event, Codecs.ANY)).get("Records")).get(0);
    assertThat(EventSource.KINESIS.item().apply(record)).isEqualTo("{\"page\":\"/é\"}");
    assertThat(EventSource.KINESIS.id().apply(record)).isEqualTo("4959");
    assertThat(event).contains("\"data\":\"eyJwYWdlIjoiL8OpIn0=\"", "\"approximateArrivalTimestamp\":1796551200.250",
        "\"eventID\":\"shardId-000000000001:4959\"", "\"awsRegion\":\"eu-west-1\"");
  }
}
