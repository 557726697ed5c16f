package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.runtime.TestClient;
import dev.stratus.runtime.TestClient.Answer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The seed's flows and the fixes, through the real handlers against real servers: s3proxy checks every
 * signature (presigned URLs included) and dynalite speaks DynamoDB's API. Only the S3 notification is
 * made up, by TestClient, in the shape S3 sends it.
 */
class FilestoreIT {
  /** Read with databind, apart from the runtime's JSON the handlers write with. */
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LocalAws aws = LocalAws.get();
  private final MutableClock clock = new MutableClock(Instant.now());

  /** One deployment of Filestore on a fresh bucket and table. */
  private final class Deployment {
    final LocalAws.Stack stack;
    final FileService service;

    Deployment(Map<String, String> env) {
      stack = aws.newStack(env);
      service = Filestore.fromEnvironment(stack.env(), clock);
    }

    /** The API as Lambda runs it: the generated handlers' binding, JSON and refusals, in-process. */
    TestClient api() {
      return TestClient.of(new FilesApi(service));
    }

    Answer preprocess(String body) {
      return api().post("/file", body);
    }

    String preprocessOk(String name) throws IOException {
      Answer r = preprocess(json(Map.of("name", name)));
      assertThat(r.status()).as(r.body()).isEqualTo(200);
      return r.body();
    }

    /** The notification S3 sends (the key URL-encoded, as S3 does), through the generated handler. */
    void uploaded(String key) {
      TestClient.of(events()).s3("uploaded", stack.bucket(), key, 0);
    }

    FilesEvents events() {
      return new FilesEvents(service);
    }

    /** Preprocess, PUT to the presigned URL, then the notification S3 would send; returns the id. */
    String upload(String name, String contentType, byte[] content) throws Exception {
      return uploadKeepingUrl(name, contentType, content).get("id").asText();
    }

    /** {@link #upload}, answering Preprocess's {@code {id, url}}, as whoever holds the upload URL has it. */
    JsonNode uploadKeepingUrl(String name, String contentType, byte[] content) throws Exception {
      JsonNode answer = MAPPER.readTree(preprocessOk(name));
      assertThat(putTo(answer.get("url").asText(), contentType, content)).isEqualTo(200);
      return answer;
    }

    /** PUTs to a presigned upload URL and, if S3 took it, sends Uploaded the notification S3 would. */
    int putTo(String url, String contentType, byte[] content) throws Exception {
      // A client per PUT: S3 may refuse a PUT before reading its body and close the connection, which a shared
      // client could hand to the next PUT ("header parser received no bytes").
      HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
          .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(),
          HttpResponse.BodyHandlers.ofString());
      if (put.statusCode() == 200) {
        uploaded(keyOf(url));
      }
      return put.statusCode();
    }

    /** The object key of a path-style presigned URL: what S3 names in its notification. */
    String keyOf(String url) {
      return URI.create(url).getPath().substring(stack.bucket().length() + 2);
    }

    HttpResponse<byte[]> download(String url) throws Exception {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    Answer store(String body) {
      return api().put("/files", body);
    }

    Answer info(String body, String... flags) {
      StringBuilder query = new StringBuilder();
      for (String flag : flags) {
        query.append(query.length() == 0 ? "?" : "&").append(flag).append("=yes");
      }
      return api().post("/files" + query, body);
    }

    Answer delete(String body) {
      return api().request("DELETE", "/files").body(body).send();
    }

    Answer revert(String id) {
      return api().delete("/file/" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }

    boolean objectExists(String key) {
      try {
        aws.s3(stack).headObject(b -> b.bucket(stack.bucket()).key(key));
        return true;
      } catch (NoSuchKeyException e) {
        return false;
      } catch (S3Exception e) {
        if (e.statusCode() == 404) {
          return false;
        }
        throw e;
      }
    }
  }

  private static String json(Object value) throws IOException {
    return MAPPER.writeValueAsString(value);
  }

  private static JsonNode body(Answer r) throws IOException {
    return MAPPER.readTree(r.body());
  }

  @Test
  void uploadThenInfoShowsSizeTypeAndUploadTime() throws Exception {
    Deployment d = new Deployment(Map.of());
    String id = d.upload("notes.txt", "text/plain; charset=utf-8", "hello, s3!".getBytes(StandardCharsets.UTF_8));

    Answer info = d.info(json(List.of(id)), "nonstored");
    assertThat(info.status()).isEqualTo(200);
    JsonNode item = body(info).get(0);
    assertThat(item.get("id").asText()).isEqualTo(id);
    assertThat(item.get("name").asText()).isEqualTo("notes.txt");
    assertThat(item.get("size").asLong()).isEqualTo(10);
    assertThat(item.get("type").asText()).isEqualTo("text/plain");
    assertThat(Instant.parse(item.get("uploaded_at").asText())).isEqualTo(Times.parse(Times.format(clock.instant())));
    assertThat(item.has("stored_at")).isFalse();
    assertThat(item.has("url")).isFalse();
    assertThat(body(d.info(json(List.of(id))))).isEmpty();
  }

  @Test
  void storeThenDownloadThroughThePresignedUrl() throws Exception {
    Deployment d = new Deployment(Map.of());
    byte[] content = new byte[3000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    String name = "Résumé \"2026\".pdf";
    String id = d.upload(name, "application/pdf", content);
    assertThat(body(d.store(json(List.of(id))))).containsExactly(MAPPER.valueToTree(id));

    JsonNode item = body(d.info(json(List.of(id)))).get(0);
    assertThat(item.get("stored_at").asText()).isNotEmpty();
    HttpResponse<byte[]> download = d.download(item.get("url").asText());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
    assertThat(download.headers().firstValue("Content-Disposition")).contains(ContentDisposition.attachment(name));
    assertThat(download.headers().firstValue("Content-Type")).contains("application/pdf");
  }

  @Test
  void deleteIsSoftInTheTableAndHardInTheBucket() throws Exception {
    Deployment d = new Deployment(Map.of());
    String id = d.upload("a.txt", "text/plain", new byte[] {1, 2, 3});
    d.store(json(List.of(id)));
    String unknown = FileIds.newId();

    Answer deleted = d.delete(json(List.of(id, unknown)));
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.body()).isEqualTo(json(List.of(id)));
    assertThat(d.objectExists(ObjectKeys.stored(id))).isFalse();
    assertThat(body(d.info(json(List.of(id))))).isEmpty();
    assertThat(body(d.info(json(List.of(id)), "deleted")).get(0).get("deleted_at").asText()).isNotEmpty();
    assertThat(d.delete(json(List.of(id))).body()).isEqualTo(json(List.of(id)));
    assertThat(body(d.info(json(List.of(unknown)), "deleted", "nonstored"))).isEmpty();
  }

  @Test
  void revertUndoesAnUploadAndRefusesStoredOnes() throws Exception {
    Deployment d = new Deployment(Map.of());
    String id = d.upload("oops.txt", "text/plain", new byte[] {1});
    Answer reverted = d.revert(id);
    assertThat(reverted.status()).isEqualTo(200);
    assertThat(reverted.body()).isEqualTo(json(Map.of("id", id)));
    assertThat(d.objectExists(ObjectKeys.staged(id))).isFalse();
    assertThat(body(d.info(json(List.of(id)), "deleted")).get(0).has("deleted_at")).isTrue();
    assertThat(d.revert(id).status()).isEqualTo(409);

    String stored = d.upload("keep.txt", "text/plain", new byte[] {2});
    d.store(json(List.of(stored)));
    Answer refused = d.revert(stored);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(body(refused).get("message").asText()).contains("is stored");
    assertThat(d.objectExists(ObjectKeys.stored(stored))).isTrue();
    assertThat(d.revert(FileIds.newId()).status()).isEqualTo(404);
  }

  @Test
  void expireRemovesOnlyOldUnstoredUploadsAcrossScanPages() throws Exception {
    Deployment d = new Deployment(Map.of("SCAN_PAGE_SIZE", "2"));
    List<String> old = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      old.add(d.upload("old" + i + ".txt", "text/plain", new byte[] {(byte) i}));
    }
    List<String> stored = List.of(d.upload("s1.txt", "text/plain", new byte[] {1}),
        d.upload("s2.txt", "text/plain", new byte[] {2}));
    d.store(json(stored));
    clock.advance(Duration.ofMinutes(61));
    List<String> recent = List.of(d.upload("r1.txt", "text/plain", new byte[] {3}),
        d.upload("r2.txt", "text/plain", new byte[] {4}));

    Map<String, Integer> result = d.events().expire();
    assertThat(result).containsEntry("expired", 5);
    for (String id : old) {
      assertThat(d.objectExists(ObjectKeys.staged(id))).as(id).isFalse();
    }
    assertThat(body(d.info(json(old), "deleted"))).hasSize(5);
    for (String id : stored) {
      assertThat(d.objectExists(ObjectKeys.stored(id))).isTrue();
    }
    assertThat(body(d.info(json(recent), "nonstored"))).hasSize(2);
    assertThat(d.events().expire()).containsEntry("expired", 0);
  }

  @Test
  void uploadUrlsThatAreTamperedWithOrPastTheirShortExpiryAreRejected() throws Exception {
    Deployment d = new Deployment(Map.of("UPLOAD_URL_EXPIRATION", "1"));
    String url = MAPPER.readTree(d.preprocessOk("a.txt")).get("url").asText();
    String tampered = url.replaceAll("(X-Amz-Signature=)(.)", "$1" + (url.contains("X-Amz-Signature=0") ? "1" : "0"));
    assertThat(tampered).isNotEqualTo(url);
    assertThat(put(tampered)).isEqualTo(403);
    String otherKey = url.replaceFirst("/[A-Za-z0-9_-]{22}\\?", "/" + FileIds.newId() + "?");
    assertThat(put(otherKey)).isEqualTo(403);
    Thread.sleep(2100);
    assertThat(put(url)).isEqualTo(403);
  }

  private static int put(String url) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString("x")).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  @Test
  void aHeldUploadUrlUsedAgainChangesNoStoredFileAndBringsBackNoDeletedOne() throws Exception {
    Deployment d = new Deployment(Map.of());
    byte[] original = "the original".getBytes(StandardCharsets.UTF_8);
    JsonNode kept = d.uploadKeepingUrl("kept.txt", "text/plain", original);
    String keptId = kept.get("id").asText();
    assertThat(d.store(json(List.of(keptId))).status()).isEqualTo(200);
    assertThat(d.putTo(kept.get("url").asText(), "text/html", "<script>evil()</script>".getBytes(StandardCharsets.UTF_8)))
        .as("S3 takes the PUT: the URL is still valid").isEqualTo(200);
    JsonNode item = body(d.info(json(List.of(keptId)))).get(0);
    assertThat(d.download(item.get("url").asText()).body()).isEqualTo(original);
    assertThat(item.get("type").asText()).isEqualTo("text/plain");
    assertThat(item.get("size").asLong()).isEqualTo(original.length);
    assertThat(d.objectExists(ObjectKeys.staged(keptId))).as("Uploaded removed the second upload").isFalse();

    JsonNode gone = d.uploadKeepingUrl("gone.txt", "text/plain", original);
    String goneId = gone.get("id").asText();
    d.store(json(List.of(goneId)));
    String oldDownload = body(d.info(json(List.of(goneId)))).get(0).get("url").asText();
    d.delete(json(List.of(goneId)));
    assertThat(d.putTo(gone.get("url").asText(), "text/plain", "back again".getBytes(StandardCharsets.UTF_8))).isEqualTo(200);
    assertThat(d.download(oldDownload).statusCode()).isEqualTo(404);
    assertThat(body(d.info(json(List.of(goneId)), "deleted")).get(0).has("deleted_at")).isTrue();
    assertThat(body(d.info(json(List.of(goneId))))).isEmpty();
    assertThat(d.objectExists(ObjectKeys.staged(goneId))).isFalse();
  }

  @Test
  void storeOfAnIdThatWasNeverUploadedIsAConflict() throws Exception {
    Deployment d = new Deployment(Map.of());
    String id = MAPPER.readTree(d.preprocessOk("a.txt")).get("id").asText();
    Answer refused = d.store(json(List.of(id)));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(body(refused).get("message").asText()).isEqualTo("nothing was uploaded yet for " + id
        + ": PUT the file to the upload URL that POST /file gave, then store it; nothing was stored");
    assertThat(body(d.info(json(List.of(id)), "nonstored")).get(0).has("stored_at")).isFalse();
  }

  @Test
  void reconcileRecordsAnUploadWhoseEventWasLostAndRemovesObjectsNoFileOwns() throws Exception {
    Deployment d = new Deployment(Map.of());
    JsonNode answer = MAPPER.readTree(d.preprocessOk("lost.txt"));
    String id = answer.get("id").asText();
    HttpResponse<Void> put = HTTP.send(HttpRequest.newBuilder(URI.create(answer.get("url").asText()))
        .header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("12345")).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(put.statusCode()).isEqualTo(200); // and S3's event is lost: Uploaded never runs
    aws.s3(d.stack).putObject(b -> b.bucket(d.stack.bucket()).key(ObjectKeys.stored("dropped-by-hand")),
        RequestBody.fromString("x"));
    d.uploaded(ObjectKeys.STAGED + "no-such-file");

    FilesEvents events = d.events();
    assertThat(events.reconcile()).containsEntry("repaired", 1).containsEntry("removed", 0);
    JsonNode item = body(d.info(json(List.of(id)), "nonstored")).get(0);
    assertThat(item.get("size").asLong()).isEqualTo(5);
    assertThat(item.get("type").asText()).isEqualTo("text/plain");
    assertThat(d.store(json(List.of(id))).status()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(61));
    assertThat(events.reconcile()).containsEntry("removed", 1);
    assertThat(d.objectExists(ObjectKeys.stored("dropped-by-hand"))).isFalse();
    assertThat(d.objectExists(ObjectKeys.stored(id))).isTrue();
    assertThat(events.reconcile()).containsEntry("repaired", 0).containsEntry("removed", 0);
  }

  @Test
  void anOversizedUploadEndsRejectedAndIsRemoved() throws Exception {
    Deployment d = new Deployment(Map.of("MAX_FILE_SIZE", "10"));
    String id = d.upload("big.bin", "application/octet-stream", new byte[11]);
    JsonNode item = body(d.info(json(List.of(id)), "deleted")).get(0);
    assertThat(item.get("rejected").asText()).isEqualTo("the file is too large: 11 bytes, and files may be at most 10 bytes");
    assertThat(item.has("deleted_at")).isTrue();
    assertThat(d.objectExists(ObjectKeys.staged(id))).isFalse();
    Answer store = d.store(json(List.of(id)));
    assertThat(store.status()).isEqualTo(409);
    assertThat(body(store).get("message").asText()).startsWith(id + " was rejected: the file is too large");
  }

  @Test
  void aDeclaredSizeAndTypeAreCheckedUpFrontAndBindTheUploadUrl() throws Exception {
    Deployment d = new Deployment(Map.of("MAX_FILE_SIZE", "10", "ALLOWED_CONTENT_TYPES", "text/*"));
    Answer big = d.preprocess(json(Map.of("name", "a.txt", "size", 11, "type", "text/plain")));
    assertThat(big.status()).isEqualTo(400);
    assertThat(body(big).get("message").asText()).isEqualTo("the file is too large: 11 bytes, and files may be at most 10 bytes");
    Answer type = d.preprocess(json(Map.of("name", "a.exe", "type", "application/x-msdownload")));
    assertThat(body(type).get("message").asText()).isEqualTo("files of type application/x-msdownload are not allowed here;"
        + " allowed: text/*");

    Answer ok = d.preprocess(json(Map.of("name", "a.txt", "size", 5, "type", "text/plain")));
    String url = body(ok).get("url").asText();
    assertThat(d.putTo(url, "text/plain", new byte[6])).as("more bytes than declared").isEqualTo(403);
    assertThat(d.putTo(url, "text/html", new byte[5])).as("another type than declared").isEqualTo(403);
    assertThat(d.putTo(url, "text/plain", new byte[5])).isEqualTo(200);
  }

  @Test
  void withStoreOnLoadUploadsAreStoredAndStoreIsRefused() throws Exception {
    Deployment d = new Deployment(Map.of("STORE_ON_LOAD", "True"));
    String id = d.upload("a.txt", "text/plain", new byte[] {1});
    JsonNode item = body(d.info(json(List.of(id)))).get(0);
    assertThat(item.get("stored_at").asText()).isEqualTo(item.get("uploaded_at").asText());
    assertThat(item.get("url").asText()).contains(id);
    Answer refused = d.store(json(List.of(id)));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(body(refused).get("message").asText()).contains("StoreOnLoad=True");
  }

  @Test
  void everyBadInputGetsItsFourHundred() throws Exception {
    Deployment d = new Deployment(Map.of());
    Map<String, Answer> answers = new java.util.LinkedHashMap<>();
    answers.put("malformed JSON", d.preprocess("{\"name\": \"a"));
    answers.put("missing name", d.preprocess("{}"));
    answers.put("empty name", d.preprocess(json(Map.of("name", ""))));
    answers.put("name over 255 bytes", d.preprocess(json(Map.of("name", "x".repeat(256)))));
    answers.put("trailing garbage", d.preprocess("{\"name\": \"a\"} xyz"));
    answers.put("negative size", d.preprocess(json(Map.of("name", "a", "size", -1))));
    answers.put("name with CR/LF", d.preprocess(json(Map.of("name", "a\r\nb.txt"))));
    List<String> eleven = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      eleven.add(FileIds.newId());
    }
    answers.put("11 ids to store", d.store(json(eleven)));
    answers.put("11 ids to info", d.info(json(eleven)));
    answers.put("11 ids to delete", d.delete(json(eleven)));
    answers.put("id of the wrong shape", d.info(json(List.of("not-an-id"))));
    answers.put("ids not in an array", d.delete(json(Map.of("ids", List.of()))));
    answers.put("revert id of the wrong shape", d.revert("../x"));
    answers.forEach((what, r) -> {
      assertThat(r.status()).as(what).isEqualTo(400);
      assertThat(r.body()).as(what).startsWith("{\"message\":");
    });
    List<String> some = new ArrayList<>();
    d.service.info(eleven.subList(0, 10), true, true).forEach(i -> some.add(i.id()));
    assertThat(some).as("no item was created by the refused calls").isEmpty();
  }
}
