package dev.stratus.local.services;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** dynalite, a DynamoDB-compatible server, as a child process on a free loopback port; in memory. */
public final class Dynalite implements AutoCloseable {
  private static final Duration TABLE = Duration.ofSeconds(30);

  private final NodeServer server;

  private Dynalite(NodeServer server) {
    this.server = server;
  }

  /**
   * Starts {@code command} (npm's {@code node_modules/.bin/dynalite}) and waits until it answers.
   *
   * @throws NodeServer.NotInstalled when {@code command} is missing
   * @throws IllegalStateException saying what went wrong otherwise
   */
  public static Dynalite start(Path command) {
    return start(command, null);
  }

  /** As {@link #start(Path)}, keeping the tables in {@code dataDir} (LevelDB) across runs when it is not null. */
  public static Dynalite start(Path command, Path dataDir) {
    if (dataDir != null) {
      try {
        Files.createDirectories(dataDir);
      } catch (IOException e) {
        throw new IllegalStateException("cannot make " + dataDir + ": " + e.getMessage(), e);
      }
    }
    return new Dynalite(NodeServer.start("dynalite", command, port -> {
      List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
          "--createTableMs", "0"));
      if (dataDir != null) {
        args.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
      }
      return args;
    }));
  }

  public URI endpoint() {
    return server.endpoint();
  }

  /** Completes with the exit code when the process ends, whether closed or killed. */
  public CompletableFuture<Integer> exited() {
    return server.exited();
  }

  /**
   * Waits until {@code table} is ACTIVE: dynalite makes tables at once, while the SDK's waiter would poll every
   * 20 s, so this polls often, but not for ever.
   */
  public static void awaitActive(DynamoDbClient client, String table) {
    try {
      client.waiter().waitUntilTableExists(b -> b.tableName(table), w -> w.waitTimeout(TABLE)
          .backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(10))));
    } catch (SdkClientException e) {
      throw new IllegalStateException("table " + table + " did not become ACTIVE in " + TABLE.toSeconds() + " s: "
          + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
