package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
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

  @SuppressWarnings("unchecked")
  private static Map<String, Object> plain(JsonNode node) {
    return node == null ? null : Events.JSON.convertValue(node, LinkedHashMap.class);
  }
}
