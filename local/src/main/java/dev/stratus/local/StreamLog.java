package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratus.runtime.LambdaEvents;
import dev.stratus.runtime.LambdaEvents.StreamRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One table's stream, kept here: its changes in the order they were written (one shard, so in order per item
 * too), each with both images; the event Lambda receives drops those its view type does not carry.
 */
final class StreamLog {
  final String table;
  final String arn;
  final String viewType;
  /** The key schema's attributes, in its order (the hash key first, as DynamoDB wants it). */
  final List<String> keyNames;
  /** How long a reader waits for a first change before it looks again (and sees whether it was stopped). */
  private static final long POLL_MILLIS = 1000;

  private final List<StreamRecord> records = new ArrayList<>();

  StreamLog(String table, String arn, String viewType, List<String> keyNames) {
    this.table = table;
    this.arn = arn;
    this.viewType = viewType;
    this.keyNames = List.copyOf(keyNames);
  }

  /**
   * The record of one write, as DynamoDB Streams writes it: INSERT, MODIFY or REMOVE by the item before and
   * after (null where there was none); none for a write that changed nothing, as there.
   */
  static StreamRecord change(JsonNode key, JsonNode before, JsonNode after, String sequenceNumber, Instant at) {
    if (before == null && after == null || before != null && before.equals(after)) {
      return null;
    }
    String name = before == null ? "INSERT" : after == null ? "REMOVE" : "MODIFY";
    return new StreamRecord(name, plain(key), plain(before), plain(after), sequenceNumber, at);
  }

  /** The key of {@code item}: its key schema's attributes, in the schema's order. */
  JsonNode keyOf(JsonNode item) {
    var key = Events.JSON.createObjectNode();
    keyNames.forEach(k -> {
      if (item.has(k)) {
        key.set(k, item.get(k));
      }
    });
    return key;
  }

  synchronized void append(StreamRecord record) {
    records.add(record);
    notifyAll();
  }

  /** Where the next change will be: a reader from here sees only what comes (LATEST). */
  synchronized int end() {
    return records.size();
  }

  /**
   * Up to {@code max} changes from {@code from}: waits up to {@code waitMillis} for a first one, then up to
   * {@code windowMillis} (the batching window) for the batch to fill. Empty if none came.
   */
  synchronized List<StreamRecord> read(int from, int max, long waitMillis, long windowMillis)
      throws InterruptedException {
    awaitSize(from + 1, waitMillis);
    if (records.size() > from) {
      awaitSize(from + max, windowMillis);
    }
    return List.copyOf(records.subList(Math.min(from, records.size()), Math.min(records.size(), from + max)));
  }

  private void awaitSize(int size, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + millis * 1_000_000;
    long left;
    while (records.size() < size && (left = deadline - System.nanoTime()) > 0) {
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /**
   * The stream as an event source mapping reads it.
   *
   * @param fromStart TRIM_HORIZON: every change the stream holds; else (LATEST) those from now on
   * @param windowMillis how long a batch may wait to fill ({@code MaximumBatchingWindowInSeconds})
   */
  Shard<StreamRecord> reader(boolean fromStart, long windowMillis) {
    int start = fromStart ? 0 : end();
    return new Shard<>() {
      private int position = start;

      public List<StreamRecord> read(int max) throws InterruptedException {
        return StreamLog.this.read(position, max, POLL_MILLIS, windowMillis);
      }

      public void advance(int n) {
        position += n;
      }

      public String sequenceNumber(StreamRecord record) {
        return record.sequenceNumber();
      }

      public byte[] event(List<StreamRecord> batch) {
        return Events.bytes(LambdaEvents.dynamoDb(arn, viewType, batch));
      }

      public String describe() {
        return "the stream of " + table;
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(JsonNode node) {
    return node == null ? null : Events.JSON.convertValue(node, LinkedHashMap.class);
  }
}
