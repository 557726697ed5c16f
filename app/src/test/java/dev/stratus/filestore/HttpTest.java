package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The caller's mistakes become 400s with a message that says what to send. */
class HttpTest {

  private static APIGatewayProxyResponseEvent call(Function<APIGatewayProxyRequestEvent, Object> parse, String body) {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withBody(body);
    return Http.respond(() -> parse.apply(event));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
      "~~|the request has no body; send JSON",
      "{\"name\": |the body is not valid JSON: ",
      "[\"a.txt\"]|the body must be a JSON object: {\\\"name\\\": \\\"report.pdf\\\"}",
      "{}|'name' is required",
      "{\"name\": null}|'name' is required",
      "{\"name\": 42}|'name' must be a string",
      "{\"name\": \"a\"} 42|the body holds more than one JSON value (more at column 15); send one",
      "{\"name\": \"a\"} xyz|the body is not valid JSON: Unrecognized token 'xyz'",
      "{\"name\": \"a\"}{}|the body holds more than one JSON value",
      "{\"name\": \"a\", \"size\": -1}|'size' must be the file's size in bytes, a whole number; got -1",
      "{\"name\": \"a\", \"size\": 1.5}|'size' must be the file's size in bytes, a whole number; got 1.5",
      "{\"name\": \"a\", \"size\": \"1\"}|'size' must be the file's size in bytes, a whole number; got \\\"1\\\"",
      "{\"name\": \"a\", \"type\": \"png\"}|'type' must be a media type such as \\\"image/png\\\"; got \\\"png\\\"",
  })
  void badPreprocessBodies(String body, String message) {
    APIGatewayProxyResponseEvent r = call(Http::declared, body);
    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.getBody()).startsWith("{\"message\":\"" + message);
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
    APIGatewayProxyResponseEvent r = call(Http::ids, body);
    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.getBody()).startsWith("{\"message\":\"" + message);
  }

  @Test
  void aRefusalQuotesABoundedPrefixOfWhatWasSent() {
    String huge = "x".repeat(5_000_000);
    APIGatewayProxyResponseEvent r = call(Http::ids, "[\"" + huge + "\"]");
    assertThat(r.getStatusCode()).isEqualTo(400);
    assertThat(r.getBody()).startsWith("{\"message\":\"not a file id: \\\"" + "x".repeat(63) + "… (5000002 characters)")
        .hasSizeLessThan(300);
    APIGatewayProxyRequestEvent path = new APIGatewayProxyRequestEvent().withPathParameters(Map.of("id", huge));
    assertThat(Http.respond(() -> Http.pathId(path)).getBody()).hasSizeLessThan(300);
  }

  @Test
  void preprocessTakesTheNameAndWhatTheClientDeclares() {
    assertThat(Http.declared(new APIGatewayProxyRequestEvent().withBody("{\"name\": \"a.png\"}")))
        .isEqualTo(new FileService.Declared("a.png", null, null));
    assertThat(Http.declared(new APIGatewayProxyRequestEvent()
        .withBody("{\"name\": \"a.png\", \"size\": 5000000000, \"type\": \"image/png\"}")))
        .isEqualTo(new FileService.Declared("a.png", 5_000_000_000L, "image/png"));
  }

  @Test
  void base64BodiesAreDecoded() {
    String body = Base64.getEncoder().encodeToString("[\"AAAAAAAAAAAAAAAAAAAAAA\"]".getBytes(StandardCharsets.UTF_8));
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent().withBody(body).withIsBase64Encoded(true);
    assertThat(Http.ids(event)).containsExactly("AAAAAAAAAAAAAAAAAAAAAA");
  }

  @Test
  void refusalsMapToTheirStatusAndFaultsTo500() {
    assertThat(Http.respond(() -> {
      throw new FileException(FileException.Kind.NOT_FOUND, "no file x");
    }).getStatusCode()).isEqualTo(404);
    assertThat(Http.respond(() -> {
      throw new FileException(FileException.Kind.CONFLICT, "stored");
    }).getStatusCode()).isEqualTo(409);
    APIGatewayProxyResponseEvent fault = Http.respond(() -> {
      throw new IllegalStateException("table gone: arn:aws:dynamodb:secret");
    });
    assertThat(fault.getStatusCode()).isEqualTo(500);
    assertThat(fault.getBody()).doesNotContain("secret");
    assertThat(fault.getHeaders()).containsEntry("Content-Type", "application/json")
        .containsEntry("Access-Control-Allow-Origin", "*");
  }

  @Test
  void flagsAndPathIds() {
    APIGatewayProxyRequestEvent event = new APIGatewayProxyRequestEvent()
        .withQueryStringParameters(Map.of("deleted", "yes", "nonstored", "no"))
        .withPathParameters(Map.of("id", "bad id"));
    assertThat(Http.flag(event, "deleted")).isTrue();
    assertThat(Http.flag(event, "nonstored")).isFalse();
    assertThat(Http.respond(() -> Http.pathId(event)).getStatusCode()).isEqualTo(400);
  }
}
