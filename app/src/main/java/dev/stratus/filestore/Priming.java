package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs API routes once on canned AWS answers, so that what a first request loads and compiles is done
 * before SnapStart takes its snapshot, or recorded by a training run for an AppCDS archive. Nothing leaves
 * the process: the clients have dummy keys and a {@link CannedHttpClient}, and presigning is local.
 */
final class Priming {
  /** A well-formed id that names no file. */
  static final String SAMPLE_ID = "AAAAAAAAAAAAAAAAAAAAAA";

  private Priming() {}

  /** A service whose clients never reach AWS: {@code http} answers for DynamoDB and S3. */
  static FileService cannedService(CannedHttpClient http) {
    Map<String, String> env = Map.of(
        "TABLE_NAME", "warm-up",
        "BUCKET_NAME", "warm-up",
        "AWS_ACCESS_KEY_ID", "warm-up",
        "AWS_SECRET_ACCESS_KEY", "warm-up",
        "AWS_REGION", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
    return Filestore.fromEnvironment(env, Clock.systemUTC(), new AwsClients(env, () -> http));
  }

  /** Sends {@code route} its sample request through the whole path, JSON in and out; returns the answer. */
  static String prime(ApiFunction route, FileService service) throws IOException {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("httpMethod", "POST");
    event.put("pathParameters", Map.of("id", SAMPLE_ID));
    event.put("body", route.sampleBody());
    event.put("isBase64Encoded", false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    route.answer(new ByteArrayInputStream(Http.write(event).getBytes(StandardCharsets.UTF_8)), out, service);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * SnapStart's hook: the route on canned answers, then the container's real clients built (without a
   * request, so no credentials end up in the snapshot). A failed warm-up only costs the speed-up.
   */
  static void beforeSnapshot(ApiFunction route) {
    try {
      prime(route, cannedService(new CannedHttpClient()));
    } catch (IOException | RuntimeException e) {
      System.err.println("warm-up before the snapshot failed; the snapshot is taken without it: " + e);
    }
    Filestore.buildClients();
  }

  /**
   * Every API route once, failing on a fault: the build's check that the shrunk jar still runs them, and the
   * training run of an AppCDS archive.
   */
  public static void main(String[] args) throws IOException {
    FileService service = cannedService(new CannedHttpClient());
    for (ApiFunction route : List.of(new PreprocessHandler(service), new StoreHandler(service),
        new InfoHandler(service), new DeleteHandler(service), new RevertHandler(service))) {
      String answer = prime(route, service);
      if (Http.JSON.beanFrom(APIGatewayProxyResponseEvent.class, answer).getStatusCode() >= 500) {
        throw new IllegalStateException(route.getClass().getSimpleName() + " failed on canned answers: " + answer);
      }
    }
  }
}
