package dev.stratus.filestore;

import dev.stratus.runtime.TestClient;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs the API routes once on canned AWS answers, through the generated glue, so that what a first request
 * loads and compiles is done before SnapStart takes its snapshot, or recorded by a training run for an
 * AppCDS archive. Nothing leaves the process: the clients have dummy keys and a {@link CannedHttpClient},
 * and presigning is local.
 */
final class Priming {
  /** A well-formed id that names no file. */
  static final String SAMPLE_ID = "AAAAAAAAAAAAAAAAAAAAAA";

  private Priming() {}

  /** A service whose clients never reach AWS: {@code http} answers for DynamoDB and S3. */
  static FileService cannedService(CannedHttpClient http) {
    Map<String, String> env = Map.of(
        StackResources.FilesTable.VARIABLE, "warm-up",
        StackResources.StorageBucket.VARIABLE, "warm-up",
        "AWS_ACCESS_KEY_ID", "warm-up",
        "AWS_SECRET_ACCESS_KEY", "warm-up",
        "AWS_REGION", System.getenv().getOrDefault("AWS_REGION", "us-east-1"));
    return Filestore.fromEnvironment(env, Clock.systemUTC(), new AwsClients(env, () -> http));
  }

  private static final String IDS = "[\"" + SAMPLE_ID + "\"]";

  /** Each route's sample request, in the order Preprocess, Store, Info, Delete, Revert. */
  static final List<Function<TestClient, TestClient.Answer>> ROUTES = List.of(
      api -> api.post("/file", "{\"name\": \"warm-up.txt\"}"),
      api -> api.put("/files", IDS),
      api -> api.post("/files", IDS),
      api -> api.request("DELETE", "/files").body(IDS).send(),
      api -> api.delete("/file/" + SAMPLE_ID));

  /** Every route's sample through the generated glue on {@code service}; the answers. */
  static List<TestClient.Answer> prime(FileService service) {
    TestClient api = TestClient.of(new FilesApi(service));
    return ROUTES.stream().map(route -> route.apply(api)).toList();
  }

  /**
   * SnapStart's hook: the routes on canned answers, then the container's real clients built (without a
   * request, so no credentials end up in the snapshot). A failed warm-up only costs the speed-up.
   */
  static void beforeSnapshot() {
    try {
      prime(cannedService(new CannedHttpClient()));
    } catch (RuntimeException e) {
      System.err.println("warm-up before the snapshot failed; the snapshot is taken without it: " + e);
    }
    Filestore.buildClients();
  }

  /**
   * Every API route once, failing on a fault: the build's check that the shrunk jar still runs them, and the
   * training run of an AppCDS archive.
   */
  public static void main(String[] args) {
    for (TestClient.Answer answer : prime(cannedService(new CannedHttpClient()))) {
      if (answer.status() >= 500) {
        throw new IllegalStateException("a route failed on canned answers: " + answer);
      }
    }
  }
}
