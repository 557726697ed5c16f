package dev.stratus.filestore;

import java.time.Clock;
import java.util.Map;

/** Builds the one {@link FileService} of a Lambda container from the environment its template gives it. */
final class Filestore {
  private Filestore() {}

  static FileService service() {
    return Holder.SERVICE;
  }

  static FileService fromEnvironment(Map<String, String> env) {
    return fromEnvironment(env, Clock.systemUTC());
  }

  static FileService fromEnvironment(Map<String, String> env, Clock clock) {
    return fromEnvironment(env, clock, new AwsClients(env));
  }

  static FileService fromEnvironment(Map<String, String> env, Clock clock, AwsClients clients) {
    String scanPage = env.get("SCAN_PAGE_SIZE");
    return new FileService(
        new DynamoFileStore(clients.dynamo, StackResources.FilesTable.name(env),
            scanPage == null ? null : Integer.valueOf(scanPage)),
        new S3BlobStore(clients.s3, clients.presigner, StackResources.StorageBucket.name(env)),
        clock,
        Settings.fromEnvironment(env));
  }

  /** Builds every client of the container's service now, e.g. before a SnapStart snapshot. */
  static void buildClients() {
    Holder.CLIENTS.buildAll();
  }

  /** Built when a handler first asks, once per container. */
  private static final class Holder {
    static final AwsClients CLIENTS = new AwsClients(System.getenv());
    static final FileService SERVICE = fromEnvironment(System.getenv(), Clock.systemUTC(), CLIENTS);
  }
}
