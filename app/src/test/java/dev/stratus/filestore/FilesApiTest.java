package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.runtime.Json;
import dev.stratus.runtime.TestClient;
import dev.stratus.runtime.TestClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Filestore's API through the glue Stratus generates for it, on in-memory stores: the caller's mistakes in
 * the API's own words, refusals as their statuses, faults as a 500 that reveals nothing, CORS on every answer.
 */
class FilesApiTest {
  private final InMemoryFileStore files = new InMemoryFileStore();
  private final FileService service = new FileService(files, new InMemoryBlobStore(), new MutableClock(Instant.now()),
      new Settings(Duration.ofSeconds(600), Duration.ofSeconds(60), false, Duration.ofHours(1), Limits.DEFAULT));
  private final TestClient api = TestClient.of(new FilesApi(service));

  /**
   * Preprocess's body is bound to {@link FilesApi.NewFile} by the generated codec, so a body that is not JSON, or
   * not of the record's shape, is the binding's 400: it names the member, the column and the members expected
   * ("expected an object (name, size, type)", "… at column 10 ($.name)"), where the API's hand-written parser
   * said "must be a JSON object" or "'name' must be a string". The values (a name, a whole non-negative size, a
   * media type) are still the API's to judge, in its own words.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "~~|the request has no body; send JSON",
      "null|the request has no body; send JSON",
      "{}|'name' is required",
      "{\"name\": null}|'name' is required",
      "{\"name\": \"a\", \"size\": -1}|'size' must be the file's size in bytes, a whole number; got -1",
      "{\"name\": \"a\", \"size\": 1.5}|'size' must be the file's size in bytes, a whole number; got 1.5",
      "{\"name\": \"a\", \"size\": 1e30}|'size' must be the file's size in bytes, a whole number; got 1E+30",
      "{\"name\": \"a\", \"type\": \"png\"}|'type' must be a media type such as \\\"image/png\\\"; got \\\"png\\\"",
      // the binding's words for what is not a NewFile
      "{\"name\": |invalid request: the body is not valid: expected a JSON value but found the end of the text at"
          + " column 9 ($.name)",
      "[\"a.txt\"]|invalid request: the body is not valid: expected an object (name, size, type) but found '[' at"
          + " column 1",
      "{\"name\": 42}|invalid request: the body is not valid: expected a string but found '4' at column 10 ($.name)",
      "{\"name\": \"a\"} 42|invalid request: the body is not valid: more than one JSON value; send one at column 15",
      "{\"name\": \"a\"} xyz|invalid request: the body is not valid: more than one JSON value; send one at column 15",
      "{\"name\": \"a\"}{}|invalid request: the body is not valid: more than one JSON value; send one at column 14",
      "{\"name\": \"\\ud800\"}|invalid request: the body is not valid: a lone surrogate in a string at column 17"
          + " ($.name)",
      "{\"name\": \"a\", \"size\": \"1\"}|invalid request: the body is not valid: expected a number but found"
          + " '\\\"' at column 23 ($.size)",
  })
  void badPreprocessBodies(String body, String message) {
    Answer r = api.request("POST", "/file").body(body).send();
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).startsWith("{\"message\":\"" + message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "{\"ids\": []}|the body must be a JSON array of file ids",
      "[]|send 1 to 10 ids; got 0",
      "[\"AAAAAAAAAAAAAAAAAAAAAA\",\"AAAAAAAAAAAAAAAAAAAAAB\",\"AAAAAAAAAAAAAAAAAAAAAC\",\"AAAAAAAAAAAAAAAAAAAAAD\",\"AAAAAAAAAAAAAAAAAAAAAE\",\"AAAAAAAAAAAAAAAAAAAAAF\",\"AAAAAAAAAAAAAAAAAAAAAG\",\"AAAAAAAAAAAAAAAAAAAAAH\",\"AAAAAAAAAAAAAAAAAAAAAI\",\"AAAAAAAAAAAAAAAAAAAAAJ\",\"AAAAAAAAAAAAAAAAAAAAAK\"]|send 1 to 10 ids; got 11",
      "[\"../../etc/passwd\"]|not a file id: \\\"../../etc/passwd\\\"",
      "[42]|not a file id: 42",
  })
  void badIdLists(String body, String message) {
    for (Answer r : new Answer[] {api.put("/files", body), api.post("/files", body),
        api.request("DELETE", "/files").body(body).send()}) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.body()).startsWith("{\"message\":\"" + message);
    }
  }

  @Test
  void aRefusalQuotesABoundedPrefixOfWhatWasSent() {
    String huge = "x".repeat(5_000_000);
    Answer r = api.put("/files", "[\"" + huge + "\"]");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.body()).startsWith("{\"message\":\"not a file id: \\\"" + "x".repeat(63) + "… (5000002 characters)")
        .hasSizeLessThan(300);
    assertThat(api.delete("/file/" + huge).body()).hasSizeLessThan(300);
  }

  @Test
  void preprocessTakesTheNameAndWhatTheClientDeclares() {
    assertThat(declared("{\"name\": \"a.png\"}")).isEqualTo(new FileService.Declared("a.png", null, null));
    assertThat(declared("{\"name\": \"a.png\", \"size\": 5000000000, \"type\": \"image/png\"}"))
        .isEqualTo(new FileService.Declared("a.png", 5_000_000_000L, "image/png"));
    assertThat(declared("{\"name\": \"a.png\", \"size\": 5.0}").size()).isEqualTo(5L);
    assertThat(declared("{\"name\": \"a.png\", \"size\": 5e3}").size()).isEqualTo(5000L);
  }

  /** A body as Preprocess binds it: read by the codec Stratus generated for {@link FilesApi.NewFile}. */
  private static FileService.Declared declared(String body) {
    return Requests.declared(java.util.Optional.of(Json.read(body, FilesApi.NewFile.class)));
  }

  @Test
  void infoAnswersTheOriginalWireFormat() {
    FileItem item = new FileItem("AAAAAAAAAAAAAAAAAAAAAA", "a \"b\".txt", "text/plain", 5L,
        Instant.parse("2026-12-03T10:15:30Z"), Instant.parse("2026-12-03T10:15:31.5Z"), null, null,
        Instant.parse("2026-12-03T10:15:32Z"), null, "etag", "https://example.com/x");
    assertThat(Json.write(FilesApi.FileInfo.of(item))).as("snake_case, times in milliseconds, absent fields left out")
        .isEqualTo("{\"id\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"name\":\"a \\\"b\\\".txt\",\"type\":\"text/plain\",\"size\":5,"
            + "\"created_at\":\"2026-12-03T10:15:30.000Z\",\"uploaded_at\":\"2026-12-03T10:15:31.500Z\","
            + "\"url\":\"https://example.com/x\"}");
    assertThat(Json.write(FilesApi.FileInfo.of(FileItem.created("AAAAAAAAAAAAAAAAAAAAAB", "n", Instant.EPOCH))))
        .isEqualTo("{\"id\":\"AAAAAAAAAAAAAAAAAAAAAB\",\"name\":\"n\",\"created_at\":\"1970-01-01T00:00:00.000Z\"}");
  }

  @Test
  void answersAreJsonWithTheApisCorsHeader() {
    Answer r = api.post("/file", "{\"name\": \"a.txt\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).startsWith("{\"id\":\"").contains("\"url\":\"");
    assertThat(r.headers()).containsEntry("Content-Type", "application/json")
        .containsEntry("Access-Control-Allow-Origin", "*");
  }

  @Test
  void refusalsMapToTheirStatusAndFaultsTo500() {
    Answer missing = api.delete("/file/AAAAAAAAAAAAAAAAAAAAAA");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEqualTo("{\"message\":\"no file AAAAAAAAAAAAAAAAAAAAAA\"}");
    assertThat(new FileException(FileException.Kind.CONFLICT, "stored").status()).isEqualTo(409);

    files.failNextWith(new IllegalStateException("table gone: arn:aws:dynamodb:secret"));
    Answer fault = api.put("/files", "[\"AAAAAAAAAAAAAAAAAAAAAA\"]");
    assertThat(fault.status()).isEqualTo(500);
    assertThat(fault.body()).isEqualTo("{\"message\":\"internal error; the request may be retried\"}");
    assertThat(fault.headers()).containsEntry("Content-Type", "application/json")
        .containsEntry("Access-Control-Allow-Origin", "*");
  }

  @Test
  void flagsAndPathIds() {
    assertThat(Requests.flag(java.util.Optional.of("yes"))).isTrue();
    assertThat(Requests.flag(java.util.Optional.of("YES"))).isTrue();
    assertThat(Requests.flag(java.util.Optional.of("no"))).isFalse();
    assertThat(Requests.flag(java.util.Optional.empty())).isFalse();
    assertThat(api.delete("/file/bad%20id").body()).isEqualTo("{\"message\":\"not a file id: 'bad id' (ids are 22"
        + " characters of A-Z, a-z, 0-9, '-', '_')\"}");
  }
}
