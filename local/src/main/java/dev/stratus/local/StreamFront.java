package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stratus.runtime.LambdaEvents.StreamRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB as every local client reaches it when a table has a stream: each request passes to the DynamoDB
 * behind (dynalite, which has no streams) unchanged, and each write to a streamed table — PutItem, UpdateItem,
 * DeleteItem, BatchWriteItem, TransactWriteItems — is bracketed by reads of the items it names, under one lock,
 * so that the images and the order of the changes are those DynamoDB Streams would write. PartiQL writes pass
 * unrecorded.
 */
final class StreamFront implements AutoCloseable {
  private static final String PREFIX = "DynamoDB_20120810.";
  private static final Set<String> WRITES = Set.of("PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem",
      "TransactWriteItems");
  /** Hop-by-hop headers and those the JDK's HTTP client refuses to be given: it writes its own. */
  private static final Set<String> HOP = Set.of("host", "content-length", "connection", "expect", "upgrade",
      "transfer-encoding", "date", "from", "via", "warning");
  /** dynalite checks that a request is signed, not its signature. */
  private static final String AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=local/20260101/" + LocalStack.REGION
      + "/dynamodb/aws4_request, SignedHeaders=host, Signature=0";

  final URI endpoint;
  private final URI target;
  private final Map<String, StreamLog> logs;
  private final HttpServer server;
  private final PrintStream log;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private long sequence;

  /** {@code logs}: the streamed tables' logs by table name. */
  StreamFront(URI target, Map<String, StreamLog> logs, PrintStream log) {
    this.target = target;
    this.log = log;
    this.logs = Map.copyOf(logs);
    server = Loopback.serve("dynamodb-streams", this::handle);
    endpoint = Loopback.uri(server);
  }

  StreamLog log(String table) {
    return logs.get(table);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      List<Written> written = written(exchange.getRequestHeaders().getFirst("X-Amz-Target"), body);
      HttpResponse<byte[]> answer;
      try {
        answer = written.isEmpty() ? forward(exchange, body) : recorded(exchange, body, written);
      } catch (IOException e) {
        reply(exchange, 500, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":"
            + Events.JSON.writeValueAsString("the local DynamoDB did not answer: " + e.getMessage()) + "}");
        return;
      }
      answer.headers().map().forEach((name, values) -> {
        if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length == 0 ? -1 : answer.body().length);
      exchange.getResponseBody().write(answer.body());
    }
  }

  /**
   * A write's answer, its changes recorded. Items that cannot be read before it mean a request DynamoDB refuses
   * (no key, say): it passes as it is, for DynamoDB's own answer. Once the write is done, its answer is the
   * client's whatever follows: a retried write could apply twice.
   */
  private synchronized HttpResponse<byte[]> recorded(HttpExchange exchange, byte[] body, List<Written> written)
      throws IOException {
    List<JsonNode> before;
    try {
      before = items(written);
    } catch (IOException e) {
      return forward(exchange, body);
    }
    HttpResponse<byte[]> answer = forward(exchange, body);
    if (answer.statusCode() == 200) {
      try {
        record(written, before, items(written));
      } catch (IOException e) {
        log.println("stratus-local: a write to " + written.get(0).log().table + " is not in its stream: "
            + e.getMessage());
      }
    }
    return answer;
  }

  /** The items of streamed tables a request writes, by its {@code X-Amz-Target}; none if it is unreadable. */
  private List<Written> written(String target, byte[] body) {
    if (target == null || !target.startsWith(PREFIX) || !WRITES.contains(target.substring(PREFIX.length()))) {
      return List.of();
    }
    try {
      return written(Events.JSON.readTree(body), logs);
    } catch (IOException e) {
      return List.of(); // DynamoDB says what is wrong with it
    }
  }

  /** An item a write names, by its table's stream and its key. */
  record Written(StreamLog log, JsonNode key) {}

  /** The items of streamed tables ({@code logs}, by table name) that a write request names. */
  static List<Written> written(JsonNode request, Map<String, StreamLog> logs) {
    List<Written> out = new ArrayList<>();
    if (request.has("RequestItems")) {
      request.get("RequestItems").fields().forEachRemaining(table -> table.getValue().forEach(w ->
          add(out, logs.get(table.getKey()), w.path("PutRequest").get("Item"),
              w.path("DeleteRequest").get("Key"))));
    } else if (request.has("TransactItems")) {
      for (JsonNode t : request.get("TransactItems")) {
        for (String kind : List.of("Put", "Update", "Delete")) {
          JsonNode w = t.get(kind);
          if (w != null) {
            add(out, logs.get(w.path("TableName").asText()), w.get("Item"), w.get("Key"));
          }
        }
      }
    } else {
      add(out, logs.get(request.path("TableName").asText()), request.get("Item"), request.get("Key"));
    }
    return out;
  }

  private static void add(List<Written> out, StreamLog log, JsonNode item, JsonNode key) {
    if (log != null && (item != null || key != null)) {
      out.add(new Written(log, log.keyOf(key != null ? key : item)));
    }
  }

  /** Each written item as it is now, read consistently; null where there is none. */
  private List<JsonNode> items(List<Written> written) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (Written w : written) {
      ObjectNode get = Events.JSON.createObjectNode().put("TableName", w.log().table).put("ConsistentRead", true);
      get.set("Key", w.key());
      HttpResponse<byte[]> answer = send(HttpRequest.newBuilder(target)
          .header("Content-Type", "application/x-amz-json-1.0").header("X-Amz-Target", PREFIX + "GetItem")
          .header("X-Amz-Date", "20260101T000000Z").header("Authorization", AUTHORIZATION)
          .POST(HttpRequest.BodyPublishers.ofByteArray(Events.JSON.writeValueAsBytes(get))).build());
      if (answer.statusCode() != 200) {
        throw new IOException("GetItem on " + w.log().table + ": " + new String(answer.body(), StandardCharsets.UTF_8));
      }
      out.add(Events.JSON.readTree(answer.body()).get("Item"));
    }
    return out;
  }

  private void record(List<Written> written, List<JsonNode> before, List<JsonNode> after) {
    Instant now = Instant.now();
    for (int i = 0; i < written.size(); i++) {
      StreamRecord r = StreamLog.change(written.get(i).key(), before.get(i), after.get(i),
          String.format("%021d", ++sequence), now);
      if (r != null) {
        written.get(i).log().append(r);
      }
    }
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException {
    HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
        .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> request.header(name, v));
      }
    });
    return send(request.build());
  }

  private HttpResponse<byte[]> send(HttpRequest request) throws IOException {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
