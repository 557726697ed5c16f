package dev.stratus.filestore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A {@link FileStore} in a map, held to the same contract as the DynamoDB one by {@link FileStoreContract}. */
final class InMemoryFileStore implements FileStore {
  /** What the next {@link #getAll} throws, as a store that lost its table would. */
  private RuntimeException failure;

  void failNextWith(RuntimeException e) {
    failure = e;
  }

  final Map<String, FileItem> items = new TreeMap<>();

  @Override
  public synchronized void create(FileItem item) {
    if (items.putIfAbsent(item.id(), item) != null) {
      throw new IllegalStateException("duplicate id " + item.id());
    }
  }

  @Override
  public synchronized Optional<FileItem> get(String id) {
    return Optional.ofNullable(items.get(id));
  }

  @Override
  public synchronized List<FileItem> getAll(Collection<String> ids) {
    if (failure != null) {
      RuntimeException f = failure;
      failure = null;
      throw f;
    }
    return ids.stream().map(items::get).filter(java.util.Objects::nonNull).toList();
  }

  @Override
  public synchronized boolean recordUpload(String id, long size, String type, String etag, Instant at) {
    FileItem old = items.get(id);
    if (old == null || old.isDeleted() || old.isStored()) {
      return false;
    }
    items.put(id, new FileItem(id, old.name(), type, size, old.createdAt(), at, null, null, null, null, etag, null));
    return true;
  }

  @Override
  public synchronized boolean markStored(String id, Instant at) {
    FileItem old = items.get(id);
    if (old == null || old.isDeleted()) {
      return false;
    }
    items.put(id, new FileItem(id, old.name(), old.type(), old.size(), old.createdAt(), old.uploadedAt(),
        old.storedAt() == null ? at : old.storedAt(), null, null, null, old.etag(), null));
    return true;
  }

  @Override
  public synchronized boolean markRejected(String id, String reason, Instant at) {
    FileItem old = items.get(id);
    if (old == null || old.isDeleted() || old.isStored()) {
      return false;
    }
    items.put(id, new FileItem(id, old.name(), old.type(), old.size(), old.createdAt(), old.uploadedAt(), null, at,
        null, reason, old.etag(), null));
    return true;
  }

  @Override
  public synchronized boolean markDeleted(String id, Instant at, boolean onlyIfUnstored) {
    FileItem old = items.get(id);
    if (old == null || onlyIfUnstored && (old.isStored() || old.isDeleted())) {
      return false;
    }
    items.put(id, new FileItem(id, old.name(), old.type(), old.size(), old.createdAt(), old.uploadedAt(),
        old.storedAt(), old.deletedAt() == null ? at : old.deletedAt(), old.purgedAt(), old.rejected(), old.etag(), null));
    return true;
  }

  @Override
  public synchronized void markPurged(String id, Instant at) {
    FileItem old = items.get(id);
    if (old != null && old.isDeleted() && old.purgedAt() == null) {
      items.put(id, new FileItem(id, old.name(), old.type(), old.size(), old.createdAt(), old.uploadedAt(),
          old.storedAt(), old.deletedAt(), at, old.rejected(), old.etag(), null));
    }
  }

  @Override
  public void forEach(Consumer<FileItem> action) {
    List<FileItem> snapshot;
    synchronized (this) {
      snapshot = new ArrayList<>(items.values());
    }
    snapshot.forEach(action);
  }
}
