package dev.stratus.filestore;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A file's metadata. Absent values are {@code null}. {@code purgedAt} records that a deleted file's object
 * is gone from S3 (internal, never sent); {@code rejected} says why an upload that broke the deployment's
 * {@link Limits} was deleted; {@code etag} names the uploaded bytes that Store may promote (internal);
 * {@code url} is a presigned download URL (sent, never stored).
 */
public record FileItem(
    String id,
    String name,
    String type,
    Long size,
    Instant createdAt,
    Instant uploadedAt,
    Instant storedAt,
    Instant deletedAt,
    Instant purgedAt,
    String rejected,
    String etag,
    String url) {

  public static FileItem created(String id, String name, Instant at) {
    return new FileItem(id, name, null, null, at, null, null, null, null, null, null, null);
  }

  public boolean isStored() {
    return storedAt != null;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public FileItem withUrl(String downloadUrl) {
    return new FileItem(id, name, type, size, createdAt, uploadedAt, storedAt, deletedAt, purgedAt, rejected, etag,
        downloadUrl);
  }

  /** The wire format of the original Filestore: snake_case, ISO-8601 UTC times, absent fields left out. */
  public Map<String, Object> toJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", id);
    putIfPresent(json, "name", name);
    putIfPresent(json, "type", type);
    putIfPresent(json, "size", size);
    putIfPresent(json, "created_at", Times.format(createdAt));
    putIfPresent(json, "uploaded_at", Times.format(uploadedAt));
    putIfPresent(json, "stored_at", Times.format(storedAt));
    putIfPresent(json, "deleted_at", Times.format(deletedAt));
    putIfPresent(json, "rejected", rejected);
    putIfPresent(json, "url", url);
    return json;
  }

  private static void putIfPresent(Map<String, Object> json, String key, Object value) {
    if (value != null) {
      json.put(key, value);
    }
  }
}
