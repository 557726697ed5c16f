package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay against a real HTTP server: bytes pass unchanged both ways, and each request on a connection is read. */
class AuditRelayTest {
  private final HttpServer upstream = Loopback.serve("echo", exchange -> {
    byte[] body = exchange.getRequestBody().readAllBytes();
    String answer = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
        + exchange.getRequestHeaders().getFirst("Host") + " " + new String(body, StandardCharsets.UTF_8);
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  });
  private final List<AwsCall> calls = new CopyOnWriteArrayList<>();
  private final AuditRelay relay = new AuditRelay("dynamodb", Loopback.uri(upstream), calls::add);

  @AfterEach
  void stop() {
    relay.close();
    upstream.stop(0);
  }

  @Test
  void requestsOnOneConnectionPassThroughAndAreEachRead() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = relay.endpoint.resolve("/");
    String first = http.send(HttpRequest.newBuilder(uri).header("X-Amz-Target", "DynamoDB_20120810.GetItem")
        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\": \"A\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    // No length given: the client sends the body chunked.
    String second = http.send(HttpRequest.newBuilder(uri).header("X-Amz-Target", "DynamoDB_20120810.PutItem")
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream("{\"TableName\": \"B\"}".getBytes(StandardCharsets.UTF_8)))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(first).isEqualTo("POST / host=" + uri.getAuthority() + " {\"TableName\": \"A\"}");
    assertThat(second).isEqualTo("POST / host=" + uri.getAuthority() + " {\"TableName\": \"B\"}");
    assertThat(calls).extracting(AwsCall::action, c -> c.arn().substring(c.arn().lastIndexOf('/') + 1))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dynamodb:GetItem", "A"),
            org.assertj.core.groups.Tuple.tuple("dynamodb:PutItem", "B"));
  }
}
