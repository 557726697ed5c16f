package dev.stratus.filestore;

import dev.stratus.filestore.BlobStore.BlobInfo;
import dev.stratus.filestore.BlobStore.Listed;
import dev.stratus.filestore.FileException.Kind;
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
  static final String DEFAULT_TYPE = "application/octet-stream";
  /** How many objects of each prefix one {@link #reconcile()} looks at: a run stays short however large the bucket. */
  static final int RECONCILE_BATCH = 1000;

  /** What Preprocess is told of a file: its name, and its size and media type if the client declares them (else null). */
  public record Declared(String name, Long size, String type) {}

  /** The answer to Preprocess: the new id and where to PUT the file. */
  public record Upload(String id, String url) {}

  /** What a {@link #reconcile()} run did. */
  public record Reconciled(int repaired, int removed) {}

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
    return preprocess(new Declared(name, null, null));
  }

  /**
   * Registers a file about to be uploaded and returns a presigned PUT URL for it. A size or type the client
   * declares is checked against the limits now and signed into the URL, so the upload must match it.
   */
  public Upload preprocess(Declared file) {
    checkName(file.name());
    if (file.size() != null || file.type() != null) {
      Optional<String> refusal = settings.limits().refusal(file.size() == null ? 0 : file.size(),
          file.type() == null ? DEFAULT_TYPE : mediaType(file.type()));
      if (refusal.isPresent()) {
        throw FileException.invalid(refusal.get());
      }
    }
    String id = FileIds.newId();
    files.create(FileItem.created(id, file.name(), clock.instant()));
    return new Upload(id, blobs.presignUpload(ObjectKeys.staged(id), settings.uploadUrlExpiry(), file.size(), file.type()));
  }

  /**
   * Records an object that arrived under {@code uploads/}. One that breaks the limits is removed and its file
   * marked rejected; one whose file is stored or deleted already (a held upload URL used again), or that has
   * no file, is not recorded.
   */
  public void uploaded(String key) {
    Optional<String> id = ObjectKeys.id(key, ObjectKeys.STAGED);
    Optional<BlobInfo> blob = id.isEmpty() ? Optional.empty() : blobs.head(key);
    if (blob.isEmpty()) {
      return; // outside the staging prefix, or promoted or removed since
    }
    Optional<FileItem> item = files.get(id.get());
    if (item.isEmpty()) {
      log("no file " + id.get() + " for the object " + key + "; Reconcile removes it");
    } else if (item.get().isDeleted() || item.get().isStored()) {
      blobs.delete(key);
      log("removed " + key + ": an upload for a file already " + (item.get().isStored() ? "stored" : "deleted"));
    } else {
      record(id.get(), blob.get());
    }
  }

  private void record(String id, BlobInfo blob) {
    String type = mediaType(blob.contentType());
    Instant now = clock.instant();
    Optional<String> refusal = settings.limits().refusal(blob.size(), type);
    if (refusal.isPresent()) {
      if (files.markRejected(id, refusal.get(), now)) {
        purge(id);
        log("rejected " + id + ": " + refusal.get());
      }
    } else if (files.recordUpload(id, blob.size(), type, blob.etag(), now) && settings.storeOnLoad()) {
      promote(id, blob.etag(), now);
    }
  }

  /**
   * Marks the existing, not deleted files among {@code ids} as stored, copying each upload to where downloads
   * read it; returns those ids. A file whose upload has not arrived, or was rejected, is a conflict, and then
   * none is stored.
   */
  public List<String> store(List<String> ids) {
    if (settings.storeOnLoad()) {
      throw FileException.invalid("files are stored on upload in this deployment (StoreOnLoad=True); there is nothing to store");
    }
    List<String> wanted = distinct(ids);
    Map<String, FileItem> found = byId(wanted);
    List<String> refused = new ArrayList<>();
    for (FileItem item : found.values()) {
      if (item.rejected() != null) {
        refused.add(item.id() + " was rejected: " + item.rejected());
      } else if (!item.isDeleted() && !item.isStored() && item.uploadedAt() == null) {
        refused.add("nothing was uploaded yet for " + item.id()
            + ": PUT the file to the upload URL that POST /file gave, then store it");
      }
    }
    if (!refused.isEmpty()) {
      throw new FileException(Kind.CONFLICT, String.join("; ", refused) + "; nothing was stored");
    }
    Instant now = clock.instant();
    List<String> stored = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    for (String id : wanted) {
      FileItem item = found.get(id);
      if (item == null || item.isDeleted()) {
        continue;
      }
      if (item.isStored() || promote(id, item.etag(), now)) {
        stored.add(id);
      } else if (!files.get(id).map(FileItem::isDeleted).orElse(true)) {
        changed.add(id);
      }
    }
    if (!changed.isEmpty()) {
      throw new FileException(Kind.CONFLICT, "the upload of " + String.join(", ", changed)
          + " changed while it was being stored; store it again" + (stored.isEmpty() ? "" : " (stored: "
          + String.join(", ", stored) + ")"));
    }
    return stored;
  }

  /**
   * Copies the upload with {@code etag} from staging to where downloads read it, then marks the file stored
   * and removes the staging object. A copy happens only while the staging object still holds the bytes that
   * were recorded, so a PUT URL used again cannot change what gets stored. False if it was not stored.
   */
  private boolean promote(String id, String etag, Instant now) {
    if (!blobs.copy(ObjectKeys.staged(id), etag, ObjectKeys.stored(id))) {
      return false;
    }
    if (!files.markStored(id, now)) {
      blobs.delete(ObjectKeys.stored(id)); // deleted meanwhile: its purge may have run before the copy
      return false;
    }
    blobs.delete(ObjectKeys.staged(id));
    return true;
  }

  /**
   * The requested files in request order: stored ones, plus deleted ones when {@code deleted}, plus
   * not-yet-stored ones when {@code nonstored}; stored, live files whose object is there carry a download URL.
   * Unknown ids are left out.
   */
  public List<FileItem> info(List<String> ids, boolean deleted, boolean nonstored) {
    List<String> wanted = distinct(ids);
    Map<String, FileItem> found = byId(wanted);
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
      } else if (item.isStored() && blobs.head(ObjectKeys.stored(id)).isEmpty()) {
        out.add(item); // its object is gone: no URL that would only 404
      } else if (item.isStored()) {
        String name = item.name() == null ? item.id() : item.name();
        String type = item.type() == null ? DEFAULT_TYPE : item.type();
        out.add(item.withUrl(blobs.presignDownload(ObjectKeys.stored(id), name, type, settings.urlExpiry())));
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

  /**
   * Repairs what lost S3 events and faults leave behind, looking at up to {@value #RECONCILE_BATCH} objects
   * under each prefix: an upload whose event never came is recorded (and, on StoreOnLoad, stored); staging
   * objects of stored or deleted files, stored objects of deleted files, and objects with no file that are
   * older than the expiry age are removed. Every step is one Uploaded or a purge would take, so runs can
   * overlap and repeat.
   */
  public Reconciled reconcile() {
    Instant cutoff = clock.instant().minus(settings.expireAfter());
    int repaired = 0;
    int removed = 0;
    List<Listed> staged = window(ObjectKeys.STAGED);
    Map<String, FileItem> items = byId(ids(staged, ObjectKeys.STAGED));
    for (Listed object : staged) {
      FileItem item = items.get(ObjectKeys.id(object.key(), ObjectKeys.STAGED).orElseThrow());
      if (item == null) {
        if (object.lastModified().isBefore(cutoff)) {
          blobs.delete(object.key());
          removed++;
        }
      } else if (item.isDeleted() || item.isStored()) {
        blobs.delete(object.key());
        removed++;
      } else if (item.uploadedAt() == null) {
        blobs.head(object.key()).ifPresent(blob -> record(item.id(), blob));
        repaired++;
      } else if (settings.storeOnLoad() && promote(item.id(), item.etag(), clock.instant())) {
        repaired++;
      }
    }
    List<Listed> stored = window(ObjectKeys.STORED);
    items = byId(ids(stored, ObjectKeys.STORED));
    for (Listed object : stored) {
      FileItem item = items.get(ObjectKeys.id(object.key(), ObjectKeys.STORED).orElseThrow());
      if (item == null ? object.lastModified().isBefore(cutoff) : item.isDeleted()) {
        blobs.delete(object.key());
        removed++;
      }
    }
    log("reconciled: " + repaired + " repaired, " + removed + " removed");
    return new Reconciled(repaired, removed);
  }

  private static List<String> ids(List<Listed> objects, String prefix) {
    return objects.stream().map(o -> ObjectKeys.id(o.key(), prefix).orElseThrow()).toList();
  }

  /**
   * Up to {@value #RECONCILE_BATCH} objects under {@code prefix}, from a random id on and around: ids are
   * uniformly random, so successive runs cover a bucket of any size without keeping a cursor.
   */
  private List<Listed> window(String prefix) {
    String start = prefix + FileIds.newId();
    List<Listed> window = new ArrayList<>(blobs.list(prefix, start, RECONCILE_BATCH));
    if (window.size() < RECONCILE_BATCH) {
      blobs.list(prefix, null, RECONCILE_BATCH - window.size()).stream()
          .filter(o -> o.key().compareTo(start) <= 0).forEach(window::add);
    }
    return window;
  }

  private void purge(String id) {
    blobs.delete(ObjectKeys.stored(id));
    blobs.delete(ObjectKeys.staged(id));
    files.markPurged(id, clock.instant());
  }

  private Map<String, FileItem> byId(List<String> ids) {
    return files.getAll(ids).stream().collect(Collectors.toMap(FileItem::id, Function.identity()));
  }

  /** The media type without parameters: {@code text/plain; charset=utf-8} → {@code text/plain}. */
  private static String mediaType(String contentType) {
    String type = contentType == null ? "" : contentType.split(";", 2)[0].trim();
    return type.isEmpty() ? DEFAULT_TYPE : type;
  }

  private void checkName(String name) {
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
    Optional<String> tooLong = settings.limits().nameRefusal(name);
    if (tooLong.isPresent()) {
      throw FileException.invalid(tooLong.get());
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw FileException.invalid("'name' must not contain control characters (line breaks, tabs, …)");
    }
  }

  private static void log(String message) {
    System.out.println(message);
  }

  private static List<String> distinct(List<String> ids) {
    return new ArrayList<>(new LinkedHashSet<>(ids));
  }
}
