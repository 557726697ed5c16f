package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratus.runtime.LambdaEvents.StreamRecord;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamLogTest {
  private static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");
  private final StreamLog log = new StreamLog("orders", "arn:stream", "NEW_AND_OLD_IMAGES", List.of("pk", "sk"));

  private static JsonNode json(String text) throws IOException {
    return Events.JSON.readTree(text);
  }

  @Test
  void aWriteIsAnInsertAModifyOrARemoveByTheItemBeforeAndAfter() throws IOException {
    JsonNode key = json("{\"pk\":{\"S\":\"a\"}}");
    JsonNode one = json("{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1\"}}");
    JsonNode two = json("{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"2\"}}");
    StreamRecord insert = StreamLog.change(key, null, one, "1", AT);
    assertThat(insert.eventName()).isEqualTo("INSERT");
    assertThat(insert.oldImage()).isNull();
    assertThat(insert.newImage()).containsEntry("n", java.util.Map.of("N", "1"));
    assertThat(StreamLog.change(key, one, two, "2", AT).eventName()).isEqualTo("MODIFY");
    StreamRecord remove = StreamLog.change(key, two, null, "3", AT);
    assertThat(remove.eventName()).isEqualTo("REMOVE");
    assertThat(remove.keys()).containsOnlyKeys("pk");
    assertThat(StreamLog.change(key, one, one.deepCopy(), "4", AT)).as("a put of the same item").isNull();
    assertThat(StreamLog.change(key, null, null, "5", AT)).as("a delete of no item").isNull();
  }

  @Test
  void anItemsKeyIsItsKeySchemasAttributesInItsOrder() throws IOException {
    assertThat(log.keyOf(json("{\"x\":{\"S\":\"1\"},\"sk\":{\"N\":\"2\"},\"pk\":{\"S\":\"a\"}}")).toString())
        .isEqualTo("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"2\"}}");
  }

  @Test
  void aReaderFromTheEndSeesOnlyWhatComesAndTakesAtMostItsBatch() throws Exception {
    log.append(record("1"));
    int latest = log.end();
    assertThat(log.read(latest, 2, 10, 0)).isEmpty();
    log.append(record("2"));
    log.append(record("3"));
    log.append(record("4"));
    assertThat(log.read(latest, 2, 10, 0)).extracting(StreamRecord::sequenceNumber).containsExactly("2", "3");
    assertThat(log.read(0, 10, 10, 0)).extracting(StreamRecord::sequenceNumber).containsExactly("1", "2", "3", "4");
  }

  @Test
  void aReaderWaitsForTheFirstChangeAndForTheBatchingWindowToFillTheBatch() throws Exception {
    Thread writer = new Thread(() -> {
      try {
        Thread.sleep(50);
        log.append(record("1"));
        Thread.sleep(50);
        log.append(record("2"));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    writer.start();
    assertThat(log.read(0, 2, 5_000, 5_000)).extracting(StreamRecord::sequenceNumber).containsExactly("1", "2");
    writer.join();
  }

  private static StreamRecord record(String sequence) {
    return new StreamRecord("INSERT", java.util.Map.of(), null, java.util.Map.of(), sequence, AT);
  }
}
