package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileServiceTest {
  private final InMemoryFileStore files = new InMemoryFileStore();
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final Settings settings = settings(false, Limits.DEFAULT);
  private FileService service = new FileService(files, blobs, clock, settings);

  private static Settings settings(boolean storeOnLoad, Limits limits) {
    return new Settings(Duration.ofSeconds(600), Duration.ofSeconds(60), storeOnLoad, Duration.ofHours(1), limits);
  }

  private String upload(String name, String contentType) {
    return upload(name, 11, contentType);
  }

  private String upload(String name, long size, String contentType) {
    String id = service.preprocess(name).id();
    blobs.put(ObjectKeys.staged(id), size, contentType);
    service.uploaded(ObjectKeys.staged(id));
    return id;
  }

  @Test
  void preprocessRegistersAnUnguessableIdAndPresignsItsUploadForTheShortUploadExpiry() {
    FileService.Upload upload = service.preprocess("report.pdf");
    assertThat(FileIds.isValid(upload.id())).isTrue();
    assertThat(upload.url()).isEqualTo("https://blobs.test/uploads/" + upload.id() + "?put&expires=60");
    assertThat(files.items.get(upload.id())).isEqualTo(FileItem.created(upload.id(), "report.pdf", clock.instant()));
    assertThat(service.preprocess("report.pdf").id()).isNotEqualTo(upload.id());
  }

  @Test
  void aSurrogatePairIsOneCharacterOfAName() {
    String id = service.preprocess("notes \uD83D\uDCDD.txt").id();
    assertThat(files.get(id).orElseThrow().name()).isEqualTo("notes 📝.txt");
  }

  @Test
  void namesAreChecked() {
    assertThatThrownBy(() -> service.preprocess("")).hasMessageContaining("'name' is required");
    assertThatThrownBy(() -> service.preprocess("  ")).hasMessageContaining("'name' is required");
    assertThatThrownBy(() -> service.preprocess("a\nb")).hasMessageContaining("control characters");
    assertThatThrownBy(() -> service.preprocess("ab\uD800.txt"))
        .hasMessage("'name' must be valid Unicode: it holds a lone surrogate (\\uD800) at character 3");
    assertThatThrownBy(() -> service.preprocess("\uDC00")).hasMessageContaining("lone surrogate (\\uDC00)");
    assertThatThrownBy(() -> service.preprocess("é".repeat(128)))
        .hasMessage("the name is too long: 256 bytes in UTF-8, and names may be at most 255 bytes");
    assertThat(service.preprocess("é".repeat(127) + "x").id()).isNotNull();
    assertThat(files.items).hasSize(1);
  }

  @Test
  void uploadRecordsSizeTypeAndTime() {
    String id = upload("a.txt", "text/plain; charset=utf-8");
    FileItem item = files.items.get(id);
    assertThat(item.size()).isEqualTo(11);
    assertThat(item.type()).isEqualTo("text/plain");
    assertThat(item.uploadedAt()).isEqualTo(clock.instant());
    assertThat(item.storedAt()).isNull();
  }

  @Test
  void uploadWithoutContentTypeIsOctetStream() {
    assertThat(files.items.get(upload("a.bin", null)).type()).isEqualTo("application/octet-stream");
    assertThat(files.items.get(upload("b.bin", " ")).type()).isEqualTo("application/octet-stream");
  }

  @Test
  void uploadStoresAtOnceWithStoreOnLoad() {
    service = new FileService(files, blobs, clock, settings(true, Limits.DEFAULT));
    String id = upload("a.txt", "text/plain");
    assertThat(files.items.get(id).storedAt()).isEqualTo(clock.instant());
    assertThat(blobs.objects).containsOnlyKeys(ObjectKeys.stored(id));
    assertThatThrownBy(() -> service.store(List.of(FileIds.newId())))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.INVALID))
        .hasMessageContaining("StoreOnLoad=True");
  }

  @Test
  void anObjectThatIsGoneIsIgnored() {
    service.uploaded(ObjectKeys.staged(FileIds.newId()));
    assertThat(files.items).isEmpty();
  }

  @Test
  void storeMarksOnlyExistingLiveFiles() {
    String a = upload("a.txt", "text/plain");
    String b = upload("b.txt", "text/plain");
    service.delete(List.of(b));
    String unknown = FileIds.newId();
    assertThat(service.store(List.of(a, b, unknown, a))).containsExactly(a);
    assertThat(files.items).doesNotContainKey(unknown);
  }

  @Test
  void infoFiltersLikeTheOriginalWithoutSkippingItems() {
    String stored1 = upload("one.txt", "text/plain");
    String fresh = upload("two.txt", "text/plain");
    String stored2 = upload("three.txt", "text/plain");
    String gone = upload("four.txt", "text/plain");
    service.store(List.of(stored1, stored2));
    service.delete(List.of(gone));
    List<String> all = List.of(stored1, fresh, FileIds.newId(), gone, stored2);

    assertThat(service.info(all, false, false)).extracting(FileItem::id).containsExactly(stored1, stored2);
    assertThat(service.info(all, true, false)).extracting(FileItem::id).containsExactly(stored1, gone, stored2);
    assertThat(service.info(all, false, true)).extracting(FileItem::id).containsExactly(stored1, fresh, stored2);
    assertThat(service.info(all, true, true)).extracting(FileItem::id).containsExactly(stored1, fresh, gone, stored2);
  }

  @Test
  void infoGivesStoredFilesADownloadUrlWithTheirNameAndType() {
    String id = upload("Résumé \"final\".pdf", "application/pdf");
    service.store(List.of(id));
    FileItem item = service.info(List.of(id), false, false).get(0);
    assertThat(item.url()).isEqualTo("https://blobs.test/files/" + id + "?get&type=application/pdf&disposition="
        + ContentDisposition.attachment("Résumé \"final\".pdf"));
    assertThat(service.info(List.of(upload("x", "text/plain")), false, true).get(0).url()).isNull();
  }

  @Test
  void storeRefusesAFileWhoseUploadHasNotArrivedAndStoresNone() {
    String uploaded = upload("a.txt", "text/plain");
    String early = service.preprocess("early.txt").id();
    assertThatThrownBy(() -> service.store(List.of(uploaded, early)))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.CONFLICT))
        .hasMessage("nothing was uploaded yet for " + early + ": PUT the file to the upload URL that POST /file gave,"
            + " then store it; nothing was stored");
    assertThat(files.items.get(uploaded).storedAt()).isNull();
  }

  @Test
  void infoOffersNoUrlForAStoredFileWhoseObjectIsGone() {
    String id = upload("a.txt", "text/plain");
    service.store(List.of(id));
    blobs.delete(ObjectKeys.stored(id));
    FileItem item = service.info(List.of(id), false, false).get(0);
    assertThat(item.id()).isEqualTo(id);
    assertThat(item.url()).isNull();
  }

  @Test
  void deleteIsSoftForTheItemHardForTheObjectAndIdempotent() {
    String id = upload("a.txt", "text/plain");
    Instant first = clock.instant();
    assertThat(service.delete(List.of(id, FileIds.newId()))).containsExactly(id);
    clock.advance(Duration.ofMinutes(1));
    assertThat(service.delete(List.of(id))).containsExactly(id);
    FileItem item = files.items.get(id);
    assertThat(item.deletedAt()).isEqualTo(first);
    assertThat(item.purgedAt()).isNotNull();
    assertThat(blobs.objects).isEmpty();
    assertThat(files.items).hasSize(1);
  }

  @Test
  void revertUndoesAnUploadNotStoredYet() {
    String id = upload("a.txt", "text/plain");
    service.revert(id);
    assertThat(files.items.get(id).deletedAt()).isNotNull();
    assertThat(blobs.objects).isEmpty();
    assertThatThrownBy(() -> service.revert(id)).hasMessage("file " + id + " is already deleted");

    String stored = upload("b.txt", "text/plain");
    service.store(List.of(stored));
    assertThatThrownBy(() -> service.revert(stored))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.CONFLICT));
    assertThat(blobs.objects).containsOnlyKeys(ObjectKeys.stored(stored));

    String unknown = FileIds.newId();
    assertThatThrownBy(() -> service.revert(unknown))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.NOT_FOUND));
  }

  @Test
  void expireRemovesOnlyOldUploadsNeverStored() {
    String oldUpload = upload("old.txt", "text/plain");
    String oldStored = upload("kept.txt", "text/plain");
    service.store(List.of(oldStored));
    String neverUploaded = service.preprocess("abandoned.txt").id();
    clock.advance(Duration.ofMinutes(50));
    String recent = upload("recent.txt", "text/plain");
    clock.advance(Duration.ofMinutes(15));

    assertThat(service.expire()).isEqualTo(2);
    assertThat(files.items.get(oldUpload).deletedAt()).isEqualTo(clock.instant());
    assertThat(files.items.get(neverUploaded).deletedAt()).isEqualTo(clock.instant());
    assertThat(files.items.get(oldStored).deletedAt()).isNull();
    assertThat(files.items.get(recent).deletedAt()).isNull();
    assertThat(blobs.objects).containsOnlyKeys(ObjectKeys.stored(oldStored), ObjectKeys.staged(recent));
    assertThat(service.expire()).isZero();
  }

  @Test
  void aDeletionWhoseObjectRemovalFailedIsFinishedByExpire() {
    String id = upload("a.txt", "text/plain");
    blobs.failDeletes = true;
    assertThatThrownBy(() -> service.delete(List.of(id))).hasMessage("blob store unavailable");
    FileItem half = files.items.get(id);
    assertThat(half.deletedAt()).isNotNull();
    assertThat(half.purgedAt()).isNull();
    assertThat(service.info(List.of(id), false, true)).isEmpty();

    blobs.failDeletes = false;
    service.expire();
    assertThat(blobs.objects).isEmpty();
    assertThat(files.items.get(id).purgedAt()).isNotNull();
  }

  @Test
  void everyExpiredFileIsVisitedAcrossTheWholeStore() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      ids.add(upload("f" + i, "text/plain"));
    }
    clock.advance(Duration.ofHours(2));
    assertThat(service.expire()).isEqualTo(25);
    assertThat(ids).allMatch(id -> files.items.get(id).isDeleted());
  }

  @Test
  void storeCopiesTheRecordedUploadToWhereDownloadsReadAndRemovesTheStagingObject() {
    String id = upload("a.txt", "text/plain");
    assertThat(service.store(List.of(id))).containsExactly(id);
    assertThat(blobs.objects).containsOnlyKeys(ObjectKeys.stored(id));
    assertThat(service.store(List.of(id))).as("stored already: nothing is copied again").containsExactly(id);
  }

  @Test
  void aHeldUploadUrlUsedAfterStoreOrDeleteNeverReachesTheStoredBytes() {
    String stored = upload("kept.txt", 11, "text/plain");
    service.store(List.of(stored));
    blobs.put(ObjectKeys.staged(stored), 99, "text/html");
    service.uploaded(ObjectKeys.staged(stored));
    assertThat(blobs.objects).containsOnlyKeys(ObjectKeys.stored(stored));
    assertThat(blobs.objects.get(ObjectKeys.stored(stored)).size()).isEqualTo(11);
    assertThat(files.items.get(stored).type()).isEqualTo("text/plain");

    String deleted = upload("gone.txt", "text/plain");
    service.delete(List.of(deleted));
    blobs.put(ObjectKeys.staged(deleted), 5, "text/plain");
    service.uploaded(ObjectKeys.staged(deleted));
    assertThat(blobs.objects).containsOnlyKeys(ObjectKeys.stored(stored));
    assertThat(files.items.get(deleted).uploadedAt()).isNotNull().isBefore(clock.instant().plusSeconds(1));
  }

  @Test
  void anUploadReplacedAfterItWasRecordedIsNotStoredUnderTheOldRecord() {
    String id = upload("a.txt", 11, "text/plain");
    blobs.put(ObjectKeys.staged(id), 99, "text/html"); // its Uploaded event has not run yet
    assertThatThrownBy(() -> service.store(List.of(id)))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.CONFLICT))
        .hasMessage("the upload of " + id + " changed while it was being stored; store it again");
    service.uploaded(ObjectKeys.staged(id));
    assertThat(service.store(List.of(id))).containsExactly(id);
    assertThat(files.items.get(id).size()).isEqualTo(99);
    assertThat(blobs.objects.get(ObjectKeys.stored(id)).size()).isEqualTo(99);
  }

  @Test
  void anUploadOverTheLimitsIsRemovedAndItsFileRejected() {
    service = new FileService(files, blobs, clock, settings(false, new Limits(10, List.of("image/*", "application/pdf"), 255)));
    String large = upload("big.png", 11, "image/png");
    FileItem item = files.items.get(large);
    assertThat(item.rejected()).isEqualTo("the file is too large: 11 bytes, and files may be at most 10 bytes");
    assertThat(item.isDeleted()).isTrue();
    assertThat(item.purgedAt()).isNotNull();
    String html = upload("page.html", 3, "text/html; charset=utf-8");
    assertThat(files.items.get(html).rejected())
        .isEqualTo("files of type text/html are not allowed here; allowed: image/*, application/pdf");
    assertThat(blobs.objects).isEmpty();
    assertThatThrownBy(() -> service.store(List.of(large)))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.CONFLICT))
        .hasMessage(large + " was rejected: the file is too large: 11 bytes, and files may be at most 10 bytes;"
            + " nothing was stored");
    assertThat(files.items.get(upload("ok.pdf", 10, "application/pdf")).uploadedAt()).isNotNull();
  }

  @Test
  void preprocessRefusesWhatTheClientDeclaresOverTheLimitsAndSignsTheRestIntoTheUrl() {
    service = new FileService(files, blobs, clock, settings(false, new Limits(3L << 20, List.of("image/*"), 255)));
    assertThatThrownBy(() -> service.preprocess(new FileService.Declared("big.png", (3L << 20) + 1, "image/png")))
        .hasMessage("the file is too large: 3.0 MB (3145729 bytes), and files may be at most 3 MB (3145728 bytes)");
    assertThatThrownBy(() -> service.preprocess(new FileService.Declared("a.txt", 1L, "text/plain")))
        .hasMessage("files of type text/plain are not allowed here; allowed: image/*");
    assertThat(files.items).isEmpty();
    FileService.Upload upload = service.preprocess(new FileService.Declared("a.png", 1234L, "image/png"));
    assertThat(upload.url()).endsWith("&length=1234&type=image/png");
  }

  @Test
  void reconcileRecordsUploadsWhoseEventWasLostAndRemovesObjectsNoFileOwns() {
    String lost = service.preprocess("lost.txt").id();
    blobs.put(ObjectKeys.staged(lost), 7, "text/plain"); // S3's event never reached Uploaded
    String stored = upload("kept.txt", "text/plain");
    service.store(List.of(stored));
    blobs.put(ObjectKeys.staged(stored), 1, "text/plain"); // a held URL used again, its event lost too
    blobs.put(ObjectKeys.stored("orphan-old"), 1, "text/plain");
    blobs.put(ObjectKeys.stored("orphan-new"), 1, "text/plain");
    blobs.written.put(ObjectKeys.stored("orphan-new"), clock.instant());

    assertThat(service.reconcile()).isEqualTo(new FileService.Reconciled(1, 2));
    assertThat(files.items.get(lost).size()).isEqualTo(7);
    assertThat(files.items.get(lost).uploadedAt()).isEqualTo(clock.instant());
    assertThat(blobs.objects).containsOnlyKeys(ObjectKeys.staged(lost), ObjectKeys.stored(stored),
        ObjectKeys.stored("orphan-new"));
    assertThat(service.reconcile()).as("a second run finds nothing to do").isEqualTo(new FileService.Reconciled(0, 0));
  }

  @Test
  void reconcileLooksAtABoundedWindowOfObjectsEachRunAndCoversAllOverRuns() {
    int count = FileService.RECONCILE_BATCH + 500;
    for (int i = 0; i < count; i++) {
      blobs.put(ObjectKeys.stored(FileIds.newId()), 1, "text/plain");
    }
    int first = service.reconcile().removed();
    assertThat(first).isEqualTo(FileService.RECONCILE_BATCH);
    assertThat(blobs.objects).hasSize(count - first);
    for (int run = 0; run < 20 && !blobs.objects.isEmpty(); run++) {
      service.reconcile();
    }
    assertThat(blobs.objects).isEmpty();
  }
}
