package dev.stratus.filestore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** {@link FileStore} on a DynamoDB table keyed by {@code id} (string). Attribute names are the wire format's. */
public final class DynamoFileStore implements FileStore {
  private static final int MAX_BATCH_ATTEMPTS = 8;
  /** BatchGetItem takes at most this many keys. */
  private static final int MAX_BATCH_KEYS = 100;
  private static final String LIVE = "attribute_exists(id) AND attribute_not_exists(deleted_at)";

  private final Supplier<DynamoDbClient> client;
  private final String table;
  private final Integer scanPageSize;

  /**
   * @param scanPageSize items per scan page, or {@code null} for DynamoDB's 1 MB pages; tests set it small
   *     to exercise pagination
   */
  public DynamoFileStore(Supplier<DynamoDbClient> client, String table, Integer scanPageSize) {
    this.client = client;
    this.table = table;
    this.scanPageSize = scanPageSize;
  }

  @Override
  public void create(FileItem item) {
    client.get().putItem(b -> b.tableName(table)
        .item(Map.of("id", s(item.id()), "name", s(item.name()), "created_at", s(Times.format(item.createdAt()))))
        .conditionExpression("attribute_not_exists(id)"));
  }

  @Override
  public Optional<FileItem> get(String id) {
    Map<String, AttributeValue> item = client.get().getItem(b -> b.tableName(table).key(key(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toItem(item));
  }

  @Override
  public List<FileItem> getAll(Collection<String> ids) {
    List<String> all = List.copyOf(ids);
    List<FileItem> out = new ArrayList<>();
    for (int from = 0; from < all.size(); from += MAX_BATCH_KEYS) {
      batchGet(all.subList(from, Math.min(all.size(), from + MAX_BATCH_KEYS)), out);
    }
    return out;
  }

  private void batchGet(List<String> ids, List<FileItem> out) {
    List<Map<String, AttributeValue>> keys = ids.stream().map(DynamoFileStore::key).toList();
    Map<String, KeysAndAttributes> pending = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    for (int attempt = 0; !pending.isEmpty(); attempt++) {
      if (attempt == MAX_BATCH_ATTEMPTS) {
        throw new IllegalStateException("DynamoDB left keys unprocessed after " + MAX_BATCH_ATTEMPTS + " attempts");
      }
      backOff(attempt);
      Map<String, KeysAndAttributes> request = pending;
      BatchGetItemResponse response = client.get().batchGetItem(b -> b.requestItems(request));
      response.responses().getOrDefault(table, List.of()).forEach(item -> out.add(toItem(item)));
      pending = response.unprocessedKeys() == null ? Map.of() : response.unprocessedKeys();
    }
  }

  @Override
  public boolean recordUpload(String id, long size, String type, String etag, Instant at) {
    return conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(id))
        .updateExpression("SET #size = :size, #type = :type, etag = :etag, uploaded_at = :at")
        .conditionExpression(LIVE + " AND attribute_not_exists(stored_at)")
        .expressionAttributeNames(Map.of("#size", "size", "#type", "type"))
        .expressionAttributeValues(Map.of(":size", AttributeValue.fromN(Long.toString(size)), ":type", s(type),
            ":etag", s(etag), ":at", s(Times.format(at))))
        .build());
  }

  @Override
  public boolean markStored(String id, Instant at) {
    return conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(id))
        .updateExpression("SET stored_at = if_not_exists(stored_at, :at)")
        .conditionExpression(LIVE)
        .expressionAttributeValues(Map.of(":at", s(Times.format(at))))
        .build());
  }

  @Override
  public boolean markRejected(String id, String reason, Instant at) {
    return conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(id))
        .updateExpression("SET deleted_at = :at, rejected = :reason")
        .conditionExpression(LIVE + " AND attribute_not_exists(stored_at)")
        .expressionAttributeValues(Map.of(":reason", s(reason), ":at", s(Times.format(at))))
        .build());
  }

  @Override
  public boolean markDeleted(String id, Instant at, boolean onlyIfUnstored) {
    return conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(id))
        .updateExpression("SET deleted_at = if_not_exists(deleted_at, :at)")
        .conditionExpression(onlyIfUnstored
            ? "attribute_exists(id) AND attribute_not_exists(stored_at) AND attribute_not_exists(deleted_at)"
            : "attribute_exists(id)")
        .expressionAttributeValues(Map.of(":at", s(Times.format(at))))
        .build());
  }

  @Override
  public void markPurged(String id, Instant at) {
    conditionalUpdate(UpdateItemRequest.builder().tableName(table).key(key(id))
        .updateExpression("SET purged_at = if_not_exists(purged_at, :at)")
        .conditionExpression("attribute_exists(deleted_at)")
        .expressionAttributeValues(Map.of(":at", s(Times.format(at))))
        .build());
  }

  @Override
  public void forEach(Consumer<FileItem> action) {
    ScanRequest.Builder scan = ScanRequest.builder().tableName(table).consistentRead(true);
    if (scanPageSize != null) {
      scan.limit(scanPageSize);
    }
    client.get().scanPaginator(scan.build()).items().forEach(item -> action.accept(toItem(item)));
  }

  /** Runs an update whose condition may fail; true if it was applied. */
  private boolean conditionalUpdate(UpdateItemRequest request) {
    try {
      client.get().updateItem(request);
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private static void backOff(int attempt) {
    if (attempt == 0) {
      return;
    }
    try {
      Thread.sleep(Math.min(1000L, 25L << attempt));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying unprocessed keys", e);
    }
  }

  private static Map<String, AttributeValue> key(String id) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put("id", s(id));
    return key;
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  static FileItem toItem(Map<String, AttributeValue> item) {
    return new FileItem(
        text(item, "id"),
        text(item, "name"),
        text(item, "type"),
        item.containsKey("size") ? Long.valueOf(item.get("size").n()) : null,
        Times.parse(text(item, "created_at")),
        Times.parse(text(item, "uploaded_at")),
        Times.parse(text(item, "stored_at")),
        Times.parse(text(item, "deleted_at")),
        Times.parse(text(item, "purged_at")),
        text(item, "rejected"),
        text(item, "etag"),
        null);
  }

  private static String text(Map<String, AttributeValue> item, String name) {
    AttributeValue v = item.get(name);
    return v == null ? null : v.s();
  }
}
