package dev.stratus.filestore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** A {@link BlobStore} in a sorted map; presigned URLs are readable fakes, and deletes can be made to fail. */
final class InMemoryBlobStore implements BlobStore {
  final TreeMap<String, BlobInfo> objects = new TreeMap<>();
  /** When each object was last written; objects put without one count as written at the epoch. */
  final TreeMap<String, Instant> written = new TreeMap<>();
  boolean failDeletes;

  void put(String key, long size, String contentType) {
    objects.put(key, new BlobInfo(size, contentType, "\"" + Integer.toHexString((key + size + contentType).hashCode()) + "\""));
  }

  @Override
  public String presignUpload(String key, Duration expiry, Long size, String contentType) {
    return "https://blobs.test/" + key + "?put&expires=" + expiry.toSeconds()
        + (size == null ? "" : "&length=" + size) + (contentType == null ? "" : "&type=" + contentType);
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
  public boolean copy(String from, String etag, String to) {
    BlobInfo source = objects.get(from);
    if (source == null || !source.etag().equals(etag)) {
      return false;
    }
    objects.put(to, source);
    return true;
  }

  @Override
  public void delete(String key) {
    if (failDeletes) {
      throw new IllegalStateException("blob store unavailable");
    }
    objects.remove(key);
    written.remove(key);
  }

  @Override
  public List<Listed> list(String prefix, String startAfter, int max) {
    return objects.tailMap(startAfter == null ? prefix : startAfter, false).keySet().stream()
        .filter(k -> k.startsWith(prefix)).limit(max)
        .map(k -> new Listed(k, written.getOrDefault(k, Instant.EPOCH))).toList();
  }
}
