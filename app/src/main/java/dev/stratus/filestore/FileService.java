package dev.stratus.filestore;

import dev.stratus.filestore.BlobStore.BlobInfo;
import dev.stratus.filestore.FileException.Kind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Filestore's behaviour, free of Lambda and HTTP: handlers parse an event, call one method, map the result.
 *
 * <p>Deleting writes in this order: {@code deleted_at} first (so the file is never listed or served again),
 * then the S3 object, then {@code purged_at}. A fault between the last two leaves a deleted item without
 * {@code purged_at}; {@link #expire()} deletes its object again, so nothing deleted stays stored.
 */
public final class FileService {
  static final int MAX_NAME_BYTES = 1024;
  static final String DEFAULT_TYPE = "application/octet-stream";

  /** The answer to Preprocess: the new id and where to PUT the file. */
  public record Upload(String id, String url) {}

  private final FileStore files;
  private final BlobStore blobs;
  private final Clock clock;
  private final Settings settings;

  public FileService(FileStore files, BlobStore blobs, Clock clock, Settings settings) {
    this.files = files;
    this.blobs = blobs;
    this.clock = clock;
    this.settings = settings;
  }

  /** Registers a file about to be uploaded and returns a presigned PUT URL for it. */
  public Upload preprocess(String name) {
    checkName(name);
    String id = FileIds.newId();
    files.create(FileItem.created(id, name, clock.instant()));
    return new Upload(id, blobs.presignUpload(id, settings.uploadUrlExpiry()));
  }

  /** Records an object that arrived in the bucket; an object that is already gone is ignored. */
  public void uploaded(String key) {
    Optional<BlobInfo> blob = blobs.head(key);
    if (blob.isEmpty()) {
      return;
    }
    String type = blob.get().contentType() == null ? "" : blob.get().contentType().split(";", 2)[0].trim();
    files.recordUpload(key, blob.get().size(), type.isEmpty() ? DEFAULT_TYPE : type, clock.instant(),
        settings.storeOnLoad());
  }

  /**
   * Marks the existing, not deleted files among {@code ids} as stored; returns those ids. A file whose upload
   * has not arrived is a conflict, and then none is stored.
   */
  public List<String> store(List<String> ids) {
    if (settings.storeOnLoad()) {
      throw FileException.invalid("files are stored on upload in this deployment (StoreOnLoad=True); there is nothing to store");
    }
    List<String> wanted = distinct(ids);
    List<String> notUploaded = files.getAll(wanted).stream()
        .filter(i -> !i.isDeleted() && !i.isStored() && i.uploadedAt() == null).map(FileItem::id).toList();
    if (!notUploaded.isEmpty()) {
      throw new FileException(Kind.CONFLICT, "nothing was uploaded yet for " + String.join(", ", notUploaded)
          + ": PUT each file to the upload URL that POST /file gave, then store it; nothing was stored");
    }
    Instant now = clock.instant();
    return wanted.stream().filter(id -> files.markStored(id, now)).toList();
  }

  /**
   * The requested files in request order: stored ones, plus deleted ones when {@code deleted}, plus
   * not-yet-stored ones when {@code nonstored}; stored, live files whose object is there carry a download URL.
   * Unknown ids are left out.
   */
  public List<FileItem> info(List<String> ids, boolean deleted, boolean nonstored) {
    List<String> wanted = distinct(ids);
    Map<String, FileItem> found = files.getAll(wanted).stream().collect(Collectors.toMap(FileItem::id, Function.identity()));
    List<FileItem> out = new ArrayList<>();
    for (String id : wanted) {
      FileItem item = found.get(id);
      if (item == null) {
        continue;
      }
      if (item.isDeleted()) {
        if (deleted) {
          out.add(item);
        }
      } else if (item.isStored() && blobs.head(id).isEmpty()) {
        out.add(item); // its object is gone: no URL that would only 404
      } else if (item.isStored()) {
        String name = item.name() == null ? item.id() : item.name();
        String type = item.type() == null ? DEFAULT_TYPE : item.type();
        out.add(item.withUrl(blobs.presignDownload(id, name, type, settings.urlExpiry())));
      } else if (nonstored) {
        out.add(item);
      }
    }
    return out;
  }

  /** Deletes the existing files among {@code ids} (again, harmlessly, if already deleted); returns those ids. */
  public List<String> delete(List<String> ids) {
    List<String> deleted = new ArrayList<>();
    for (String id : distinct(ids)) {
      if (files.markDeleted(id, clock.instant(), false)) {
        purge(id);
        deleted.add(id);
      }
    }
    return deleted;
  }

  /** Undoes an upload that was not stored yet: what an uploader's "undo" sends. */
  public void revert(String id) {
    FileItem item = files.get(id).orElseThrow(() -> new FileException(Kind.NOT_FOUND, "no file " + id));
    if (item.isDeleted()) {
      throw new FileException(Kind.CONFLICT, "file " + id + " is already deleted");
    }
    if (item.isStored() || !files.markDeleted(id, clock.instant(), true)) {
      throw new FileException(Kind.CONFLICT, "file " + id + " is stored; only an upload that is not stored can be reverted");
    }
    purge(id);
  }

  /**
   * Deletes uploads never stored whose upload (or, before it, creation) is older than the configured age,
   * and finishes deletions whose object removal failed earlier. Returns how many files it deleted.
   */
  public int expire() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(settings.expireAfter());
    List<String> expired = new ArrayList<>();
    List<String> unpurged = new ArrayList<>();
    files.forEach(item -> {
      if (item.isDeleted()) {
        if (item.purgedAt() == null) {
          unpurged.add(item.id());
        }
      } else if (!item.isStored()) {
        Instant since = item.uploadedAt() != null ? item.uploadedAt() : item.createdAt();
        if (since != null && since.isBefore(cutoff)) {
          expired.add(item.id());
        }
      }
    });
    unpurged.forEach(this::purge);
    int count = 0;
    for (String id : expired) {
      if (files.markDeleted(id, now, true)) {
        purge(id);
        count++;
      }
    }
    return count;
  }

  private void purge(String id) {
    blobs.delete(id);
    files.markPurged(id, clock.instant());
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank()) {
      throw FileException.invalid("'name' is required: the file's name, e.g. {\"name\": \"report.pdf\"}");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < name.length() && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        // UTF-8 cannot hold it: stored, it would silently become '?'
        throw FileException.invalid("'name' must be valid Unicode: it holds a lone surrogate (\\u"
            + Integer.toHexString(c).toUpperCase(Locale.ROOT) + ") at character " + (i + 1));
      }
    }
    if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
      throw FileException.invalid("'name' is longer than " + MAX_NAME_BYTES + " bytes");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw FileException.invalid("'name' must not contain control characters (line breaks, tabs, …)");
    }
  }

  private static List<String> distinct(List<String> ids) {
    return new ArrayList<>(new LinkedHashSet<>(ids));
  }
}
