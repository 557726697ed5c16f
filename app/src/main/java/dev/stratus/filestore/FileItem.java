package dev.stratus.filestore;

import java.time.Instant;

/**
 * A file's metadata. Absent values are {@code null}. {@code purgedAt} records that a deleted file's object
 * is gone from S3 (internal, never sent); {@code rejected} says why an upload that broke the deployment's
 * {@link Limits} was deleted; {@code etag} names the uploaded bytes that Store may promote (internal);
 * {@code url} is a presigned download URL (sent, never stored). Info sends it as {@link FilesApi.FileInfo}.
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
}
