package dev.stratus.filestore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where file contents live (S3 in production); clients talk to it directly through presigned URLs. */
public interface BlobStore {

  /** What the store knows of an object. */
  record BlobInfo(long size, String contentType, String etag) {}

  /** An object found by {@link #list}. */
  record Listed(String key, Instant lastModified) {}

  /**
   * A URL that lets its holder PUT the object {@code key} until it expires. A declared {@code size} or
   * {@code contentType} (either may be null) is signed into it, so the store refuses an upload that differs.
   */
  String presignUpload(String key, Duration expiry, Long size, String contentType);

  /** A URL that lets its holder GET the object as an attachment named {@code fileName}. */
  String presignDownload(String key, String fileName, String contentType, Duration expiry);

  Optional<BlobInfo> head(String key);

  /** Copies the object {@code from}, if its ETag is still {@code etag}; false if it is missing or changed. */
  boolean copy(String from, String etag, String to);

  /** Deletes the object; deleting a missing object is not an error. */
  void delete(String key);

  /** Up to {@code max} objects under {@code prefix} whose keys sort after {@code startAfter}, in key order. */
  List<Listed> list(String prefix, String startAfter, int max);
}
