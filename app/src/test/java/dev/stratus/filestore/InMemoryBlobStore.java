package dev.stratus.filestore;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link BlobStore} in a map; presigned URLs are readable fakes, and deletes can be made to fail. */
final class InMemoryBlobStore implements BlobStore {
  final Map<String, BlobInfo> objects = new HashMap<>();
  boolean failDeletes;

  @Override
  public String presignUpload(String key, Duration expiry) {
    return "https://blobs.test/" + key + "?put&expires=" + expiry.toSeconds();
  }

  @Override
  public String presignDownload(String key, String fileName, String contentType, Duration expiry) {
    return "https://blobs.test/" + key + "?get&type=" + contentType + "&disposition="
        + ContentDisposition.attachment(fileName);
  }

  @Override
  public Optional<BlobInfo> head(String key) {
    return Optional.ofNullable(objects.get(key));
  }

  @Override
  public void delete(String key) {
    if (failDeletes) {
      throw new IllegalStateException("blob store unavailable");
    }
    objects.remove(key);
  }
}
