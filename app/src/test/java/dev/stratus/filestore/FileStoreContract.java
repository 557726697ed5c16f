package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every {@link FileStore} must do; run against the in-memory fake and against DynamoDB (dynalite). */
abstract class FileStoreContract {
  static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
  static final Instant T1 = T0.plusSeconds(60);

  abstract FileStore store();

  private FileItem created(String name) {
    FileItem item = FileItem.created(FileIds.newId(), name, T0);
    store().create(item);
    return item;
  }

  @Test
  void createsAndReadsItems() {
    FileItem a = created("a.txt");
    assertThat(store().get(a.id())).contains(a);
    assertThat(store().get(FileIds.newId())).isEmpty();
    assertThat(store().getAll(List.of(a.id(), FileIds.newId()))).containsExactly(a);
  }

  @Test
  void recordsUploadsOfLiveUnstoredItemsOnly() {
    FileItem a = created("a.txt");
    assertThat(store().recordUpload(a.id(), 42, "text/plain", "\"e1\"", T1)).isTrue();
    FileItem read = store().get(a.id()).orElseThrow();
    assertThat(read.size()).isEqualTo(42);
    assertThat(read.type()).isEqualTo("text/plain");
    assertThat(read.etag()).isEqualTo("\"e1\"");
    assertThat(read.uploadedAt()).isEqualTo(T1);
    assertThat(read.name()).isEqualTo("a.txt");
    assertThat(read.storedAt()).isNull();
    assertThat(store().recordUpload(a.id(), 43, "text/html", "\"e2\"", T1)).as("uploaded again before Store").isTrue();
    assertThat(store().get(a.id()).orElseThrow().etag()).isEqualTo("\"e2\"");

    store().markStored(a.id(), T1);
    assertThat(store().recordUpload(a.id(), 1, "text/html", "\"e3\"", T1)).isFalse();
    assertThat(store().get(a.id()).orElseThrow().size()).isEqualTo(43);
    assertThat(store().recordUpload(FileIds.newId(), 7, "image/png", "\"e\"", T1)).as("no item").isFalse();
  }

  @Test
  void rejectsOnlyLiveUnstoredItems() {
    FileItem a = created("a.txt");
    assertThat(store().markRejected(a.id(), "too large", T1)).isTrue();
    FileItem read = store().get(a.id()).orElseThrow();
    assertThat(read.rejected()).isEqualTo("too large");
    assertThat(read.deletedAt()).isEqualTo(T1);
    assertThat(store().markRejected(a.id(), "again", T1)).isFalse();
    FileItem b = created("b.txt");
    store().markStored(b.id(), T0);
    assertThat(store().markRejected(b.id(), "too large", T1)).isFalse();
    assertThat(store().markRejected(FileIds.newId(), "too large", T1)).isFalse();
  }

  @Test
  void storesOnceAndOnlyLiveItems() {
    FileItem a = created("a.txt");
    assertThat(store().markStored(a.id(), T0)).isTrue();
    assertThat(store().markStored(a.id(), T1)).isTrue();
    assertThat(store().get(a.id()).orElseThrow().storedAt()).isEqualTo(T0);
    assertThat(store().markStored(FileIds.newId(), T1)).isFalse();

    FileItem b = created("b.txt");
    store().markDeleted(b.id(), T1, false);
    assertThat(store().markStored(b.id(), T1)).isFalse();
  }

  @Test
  void deletesConditionally() {
    FileItem a = created("a.txt");
    store().markStored(a.id(), T0);
    assertThat(store().markDeleted(a.id(), T1, true)).isFalse();
    assertThat(store().markDeleted(a.id(), T1, false)).isTrue();
    assertThat(store().markDeleted(a.id(), T1.plusSeconds(5), false)).isTrue();
    assertThat(store().get(a.id()).orElseThrow().deletedAt()).isEqualTo(T1);
    assertThat(store().markDeleted(FileIds.newId(), T1, false)).isFalse();
    assertThat(store().get(a.id())).isPresent();
  }

  @Test
  void aDeletedItemIsNotResurrectedByAnUpload() {
    FileItem a = created("a.txt");
    store().markDeleted(a.id(), T1, false);
    store().markPurged(a.id(), T1);
    assertThat(store().recordUpload(a.id(), 1, "text/plain", "\"e\"", T1)).isFalse();
    FileItem read = store().get(a.id()).orElseThrow();
    assertThat(read.deletedAt()).isEqualTo(T1);
    assertThat(read.purgedAt()).isEqualTo(T1);
    assertThat(read.uploadedAt()).isNull();
  }

  @Test
  void visitsEveryItem() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      ids.add(created("f" + i).id());
    }
    List<String> seen = new ArrayList<>();
    store().forEach(item -> seen.add(item.id()));
    assertThat(seen).containsAll(ids);
  }
}
