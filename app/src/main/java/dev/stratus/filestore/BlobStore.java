package dev.stratus.filestore;

import java.time.Duration;
import java.util.Optional;

/** Where file contents live (S3 in production); clients talk to it directly through presigned URLs. */
public interface BlobStore {

  /** What the store knows of an object. */
  record BlobInfo(long size, String contentType) {}

  /** A URL that lets its holder PUT the object {@code key} until it expires. */
  String presignUpload(String key, Duration expiry);

  /** A URL that lets its holder GET the object as an attachment named {@code fileName}. */
  String presignDownload(String key, String fileName, String contentType, Duration expiry);

  Optional<BlobInfo> head(String key);

  /** Deletes the object; deleting a missing object is not an error. */
  void delete(String key);
}
