package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.filestore.BlobStore.BlobInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileServiceTest {
  private final InMemoryFileStore files = new InMemoryFileStore();
  private final InMemoryBlobStore blobs = new InMemoryBlobStore();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
  private final Settings settings = new Settings(Duration.ofSeconds(600), Duration.ofSeconds(60), false,
      Duration.ofHours(1));
  private FileService service = new FileService(files, blobs, clock, settings);

  private String upload(String name, String contentType) {
    String id = service.preprocess(name).id();
    blobs.objects.put(id, new BlobInfo(11, contentType));
    service.uploaded(id);
    return id;
  }

  @Test
  void preprocessRegistersAnUnguessableIdAndPresignsItsUploadForTheShortUploadExpiry() {
    FileService.Upload upload = service.preprocess("report.pdf");
    assertThat(FileIds.isValid(upload.id())).isTrue();
    assertThat(upload.url()).isEqualTo("https://blobs.test/" + upload.id() + "?put&expires=60");
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
    assertThatThrownBy(() -> service.preprocess("é".repeat(513))).hasMessageContaining("longer than 1024 bytes");
    assertThat(service.preprocess("é".repeat(512)).id()).isNotNull();
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
    service = new FileService(files, blobs, clock, new Settings(Duration.ofSeconds(600), Duration.ofSeconds(60), true,
        Duration.ofHours(1)));
    assertThat(files.items.get(upload("a.txt", "text/plain")).storedAt()).isEqualTo(clock.instant());
    assertThatThrownBy(() -> service.store(List.of(FileIds.newId())))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.INVALID))
        .hasMessageContaining("StoreOnLoad=True");
  }

  @Test
  void anObjectThatIsGoneIsIgnored() {
    service.uploaded(FileIds.newId());
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
    assertThat(item.url()).isEqualTo("https://blobs.test/" + id + "?get&type=application/pdf&disposition="
        + ContentDisposition.attachment("Résumé \"final\".pdf"));
    assertThat(service.info(List.of(upload("x", "text/plain")), false, true).get(0).url()).isNull();
  }

  @Test
  void storeRefusesAFileWhoseUploadHasNotArrivedAndStoresNone() {
    String uploaded = upload("a.txt", "text/plain");
    String early = service.preprocess("early.txt").id();
    assertThatThrownBy(() -> service.store(List.of(uploaded, early)))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.CONFLICT))
        .hasMessage("nothing was uploaded yet for " + early + ": PUT each file to the upload URL that POST /file gave,"
            + " then store it; nothing was stored");
    assertThat(files.items.get(uploaded).storedAt()).isNull();
  }

  @Test
  void infoOffersNoUrlForAStoredFileWhoseObjectIsGone() {
    String id = upload("a.txt", "text/plain");
    service.store(List.of(id));
    blobs.delete(id);
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
    assertThat(blobs.objects).doesNotContainKey(id);
    assertThat(files.items).hasSize(1);
  }

  @Test
  void revertUndoesAnUploadNotStoredYet() {
    String id = upload("a.txt", "text/plain");
    service.revert(id);
    assertThat(files.items.get(id).deletedAt()).isNotNull();
    assertThat(blobs.objects).doesNotContainKey(id);
    assertThatThrownBy(() -> service.revert(id)).hasMessage("file " + id + " is already deleted");

    String stored = upload("b.txt", "text/plain");
    service.store(List.of(stored));
    assertThatThrownBy(() -> service.revert(stored))
        .isInstanceOfSatisfying(FileException.class, e -> assertThat(e.kind()).isEqualTo(FileException.Kind.CONFLICT));
    assertThat(blobs.objects).containsKey(stored);

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
    assertThat(blobs.objects).containsOnlyKeys(oldStored, recent);
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
    assertThat(blobs.objects).doesNotContainKey(id);
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
}
