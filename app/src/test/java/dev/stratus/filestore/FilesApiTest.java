package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;

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

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "~~|the request has no body; send JSON",
      "{\"name\": |the body is not valid JSON: ",
      "[\"a.txt\"]|the body must be a JSON object: {\\\"name\\\": \\\"report.pdf\\\"}",
      "{}|'name' is required",
      "{\"name\": null}|'name' is required",
      "{\"name\": 42}|'name' must be a string",
      "{\"name\": \"a\"} 42|the body holds more than one JSON value (more at column 15); send one",
      "{\"name\": \"a\"} xyz|the body holds more than one JSON value (more at column 15); send one",
      "{\"name\": \"a\"}{}|the body holds more than one JSON value",
      "{\"name\": \"\\ud800\"}|the body is not valid JSON: a lone surrogate in a string",
      "{\"name\": \"a\", \"size\": -1}|'size' must be the file's size in bytes, a whole number; got -1",
      "{\"name\": \"a\", \"size\": 1.5}|'size' must be the file's size in bytes, a whole number; got 1.5",
      "{\"name\": \"a\", \"size\": \"1\"}|'size' must be the file's size in bytes, a whole number; got \\\"1\\\"",
      "{\"name\": \"a\", \"type\": \"png\"}|'type' must be a media type such as \\\"image/png\\\"; got \\\"png\\\"",
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
    assertThat(Requests.declared(java.util.Optional.of("{\"name\": \"a.png\"}")))
        .isEqualTo(new FileService.Declared("a.png", null, null));
    assertThat(Requests.declared(java.util.Optional.of("{\"name\": \"a.png\", \"size\": 5000000000, \"type\": \"image/png\"}")))
        .isEqualTo(new FileService.Declared("a.png", 5_000_000_000L, "image/png"));
    assertThat(Requests.declared(java.util.Optional.of("{\"name\": \"a.png\", \"size\": 5.0}")).size()).isEqualTo(5L);
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
