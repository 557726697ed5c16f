package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The seed's flows over HTTP against Filestore run from its generated template, so a wrong path, method
 * or handler in the template fails them; the S3 notifications and the expiry are the runtime's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FilestoreLocalIT {
  private static final String KEY = "it-api-key";

  private LocalServer server;
  private String api;
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  @BeforeAll
  void start() {
    server = LocalServer.start(new LocalServer.Options(Path.of(LocalMainIT.filestoreTemplate()), 0, KEY,
        Map.of("StorageBucketName", "it-files"), null, null,
        TestStacks.dynalite(), LocalMain.runtimeClasspath(),
        1, Map.of("ExpireFunction", Map.of("EXPIRE_AFTER", "PT0S")), 2, "it", null, true, List.of()),
        new PrintStream(logs, true, StandardCharsets.UTF_8));
    api = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  void stop() {
    server.close();
    // Every AWS call of every test went through the functions' own ways to S3 and DynamoDB, refusing what the
    // statements their @Uses derive do not allow: none was refused.
    assertThat(logs.toString(StandardCharsets.UTF_8)).doesNotContain("not in its uses")
        .doesNotContain("are not checked");
  }

  private JsonNode ok(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body() + "\n" + logs.toString(StandardCharsets.UTF_8)).isEqualTo(200);
    return Http.json(r);
  }

  private HttpResponse<String> backend(String method, String pathAndQuery, Object body) {
    return Http.call(method, api + pathAndQuery, Events.JSON.valueToTree(body).toString(), Map.of("x-api-key", KEY));
  }

  /** POST /file, then PUT the bytes to the presigned URL, then wait for the S3 notification to be handled. */
  private String upload(String name, String type, byte[] content) throws InterruptedException {
    JsonNode answer = ok(Http.call("POST", api + "/file", "{\"name\": \"" + name + "\"}",
        Map.of("Content-Type", "application/json")));
    HttpResponse<byte[]> put = Http.bytes("PUT", answer.get("url").asText(), content, Map.of("Content-Type", type));
    assertThat(put.statusCode()).isEqualTo(200);
    String id = answer.get("id").asText();
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode items = ok(backend("POST", "/files?nonstored=yes", List.of(id)));
      if (items.size() == 1 && items.get(0).has("uploaded_at")) {
        return id;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the upload of " + id + " was never recorded:\n" + logs.toString(StandardCharsets.UTF_8));
  }

  @Test
  void uploadIsRecordedFromTheS3Notification() throws Exception {
    String id = upload("notes.txt", "text/plain", "hello, local".getBytes(StandardCharsets.UTF_8));
    JsonNode item = ok(backend("POST", "/files?nonstored=yes", List.of(id))).get(0);
    assertThat(item.get("size").asLong()).isEqualTo(12);
    assertThat(item.get("type").asText()).isEqualTo("text/plain");
    assertThat(item.get("name").asText()).isEqualTo("notes.txt");
  }

  @Test
  void storeThenDownload() throws Exception {
    byte[] content = {1, 2, 3, (byte) 0xff};
    String id = upload("photo.bin", "application/octet-stream", content);
    assertThat(ok(backend("PUT", "/files", List.of(id))).get(0).asText()).isEqualTo(id);
    JsonNode item = ok(backend("POST", "/files", List.of(id))).get(0);
    HttpResponse<byte[]> download = Http.bytes("GET", item.get("url").asText(), null, Map.of());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(content);
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        v -> assertThat(v).startsWith("attachment; filename=\"photo.bin\""));
  }

  @Test
  void deleteMarksTheItemAndRemovesTheObject() throws Exception {
    String id = upload("old.txt", "text/plain", new byte[] {7});
    backend("PUT", "/files", List.of(id));
    assertThat(ok(backend("DELETE", "/files", List.of(id))).get(0).asText()).isEqualTo(id);
    assertThat(ok(backend("POST", "/files?deleted=yes", List.of(id))).get(0).has("deleted_at")).isTrue();
    assertThat(ok(backend("POST", "/files", List.of(id)))).isEmpty();
    assertThat(Aws.s3Keys(server, "it-files")).doesNotContain(id);
  }

  @Test
  void storeOfAFileNeverUploadedIsAConflictAndInfoOffersItNoUrl() throws Exception {
    String id = ok(Http.call("POST", api + "/file", "{\"name\": \"never.txt\"}", Map.of())).get("id").asText();
    HttpResponse<String> store = backend("PUT", "/files", List.of(id));
    assertThat(store.statusCode()).as(store.body()).isEqualTo(409);
    assertThat(Http.json(store).get("message").asText()).startsWith("nothing was uploaded yet for " + id + ": ");
    assertThat(ok(backend("POST", "/files?nonstored=yes", List.of(id))).get(0).has("url")).isFalse();
  }

  @Test
  void revertUndoesAnUploadOnce() throws Exception {
    String id = upload("oops.txt", "text/plain", new byte[] {1});
    assertThat(ok(Http.call("DELETE", api + "/file/" + id, null, Map.of())).get("id").asText()).isEqualTo(id);
    assertThat(Http.call("DELETE", api + "/file/" + id, null, Map.of()).statusCode()).isEqualTo(409);
  }

  @Test
  void expireRunsOnInvoke() throws Exception {
    String id = upload("abandoned.txt", "text/plain", new byte[] {1});
    HttpResponse<String> r = Http.call("POST", server.invokeEndpoint() + "/2015-03-31/functions/ExpireFunction/invocations",
        "{}", Map.of("Authorization", "Bearer " + server.invokeToken()));
    assertThat(Http.json(r).get("expired").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(ok(backend("POST", "/files?deleted=yes", List.of(id))).get(0).has("deleted_at")).isTrue();
  }

  @Test
  void theInvokeApiIsNotOnTheApiPortAndWantsThisRunsToken() throws Exception {
    HttpResponse<String> onTheApi = Http.call("POST", api + "/2015-03-31/functions/DeleteFunction/invocations", "{}",
        Map.of());
    assertThat(onTheApi.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}"); // no such route
    assertThat(Http.call("POST", server.invokeEndpoint() + "/2015-03-31/functions/DeleteFunction/invocations", "{}",
        Map.of("Authorization", "Bearer guess")).statusCode()).isEqualTo(403);
  }

  @Test
  void aRealAwsClientSeesTheObjectAndTheItem() throws Exception {
    String id = upload("seen.txt", "text/plain", "abc".getBytes(StandardCharsets.UTF_8));
    assertThat(Aws.s3Keys(server, "it-files")).contains(id);
    String item = Aws.cli(server, "dynamodb", "get-item", "--endpoint-url", server.dynamoEndpoint().toString(),
        "--table-name", server.physicalName("FilesTable"), "--key", "{\"id\": {\"S\": \"" + id + "\"}}");
    assertThat(item).contains("\"seen.txt\"").contains("uploaded_at");
  }

  @Test
  void theApiAnswersAsApiGatewayDoes() {
    // A REST API tells neither an unknown path nor a wrong method: 403, as if the route needed a key.
    for (String[] miss : new String[][] {{"GET", "/nothing/here"}, {"PATCH", "/file"}}) {
      HttpResponse<String> unknown = Http.call(miss[0], api + miss[1], null, Map.of());
      assertThat(unknown.statusCode()).as(miss[1]).isEqualTo(403);
      assertThat(unknown.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    }
    HttpResponse<String> noKey = Http.call("POST", api + "/files", "[]", Map.of());
    assertThat(noKey.statusCode()).isEqualTo(403);
    assertThat(noKey.body()).isEqualTo("{\"message\":\"Forbidden\"}");
    HttpResponse<String> preflight = Http.call("OPTIONS", api + "/file", null, Map.of("Origin", "http://example.com",
        "Access-Control-Request-Method", "POST"));
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers")).contains("Content-Type,X-Api-Key");
    HttpResponse<String> bad = Http.call("POST", api + "/file", "{\"name\": ", Map.of("Content-Type", "application/json"));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
  }

  @Test
  void withStoreOnLoadThereIsNoExpireFunction() throws IOException {
    LocalStack stack = LocalStack.load(Path.of(LocalMainIT.filestoreTemplate()), Map.of("StoreOnLoad", "True"), "it");
    assertThat(FunctionSpec.all(stack)).doesNotContainKey("ExpireFunction").containsKey("UploadedFunction");
    assertThat(FunctionSpec.all(LocalStack.load(Path.of(LocalMainIT.filestoreTemplate()), Map.of(), "it")))
        .containsKey("ExpireFunction");
  }
}
