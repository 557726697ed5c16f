package dev.stratus.filestore;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where file metadata lives (DynamoDB in production). Every write is conditional, so concurrent calls stay safe. */
public interface FileStore {

  /** Adds a new item; the id must not exist yet. */
  void create(FileItem item);

  Optional<FileItem> get(String id);

  /** The items that exist among {@code ids}, in no particular order. */
  List<FileItem> getAll(Collection<String> ids);

  /**
   * Records the upload whose bytes have {@code etag} on an existing item that is neither deleted nor stored;
   * false if there is none such.
   */
  boolean recordUpload(String id, long size, String type, String etag, Instant at);

  /** Sets {@code stored_at} (once) on an existing, not deleted item; false if there is none. */
  boolean markStored(String id, Instant at);

  /** Deletes an existing item that is neither deleted nor stored, saying why; false if there is none such. */
  boolean markRejected(String id, String reason, Instant at);

  /**
   * Sets {@code deleted_at} (once) on an existing item, only if it is not stored when {@code onlyIfUnstored};
   * false when the item is missing or the condition fails.
   */
  boolean markDeleted(String id, Instant at, boolean onlyIfUnstored);

  /** Records that the deleted item's object is gone from the blob store. */
  void markPurged(String id, Instant at);

  /** Visits every item, page by page. */
  void forEach(Consumer<FileItem> action);
}
