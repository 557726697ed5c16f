package dev.stratus.local.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
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
  private static final Duration START = Duration.ofSeconds(15);
  private static final Duration TABLE = Duration.ofSeconds(30);

  private final Process process;
  private final URI endpoint;

  /** The command is not there: dynalite has not been installed. */
  public static final class NotInstalled extends IllegalStateException {
    NotInstalled(Path command) {
      super(command + " is missing: run 'npm ci' at the repository root");
    }
  }

  private Dynalite(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Starts {@code command} (npm's {@code node_modules/.bin/dynalite}) and waits until it answers.
   *
   * @throws NotInstalled when {@code command} is missing
   * @throws IllegalStateException saying what went wrong otherwise
   */
  public static Dynalite start(Path command) {
    return start(command, null);
  }

  /** As {@link #start(Path)}, keeping the tables in {@code dataDir} (LevelDB) across runs when it is not null. */
  public static Dynalite start(Path command, Path dataDir) {
    if (!Files.isExecutable(command)) {
      throw new NotInstalled(command);
    }
    int port = FreePort.pick("dynalite");
    Process process;
    try {
      List<String> args = new ArrayList<>(List.of(command.toString(), "--host", "127.0.0.1",
          "--port", Integer.toString(port), "--createTableMs", "0"));
      if (dataDir != null) {
        Files.createDirectories(dataDir);
        args.addAll(List.of("--path", dataDir.toAbsolutePath().toString()));
      }
      ProcessBuilder builder = new ProcessBuilder(args)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().merge("NODE_OPTIONS", "--require " + parentWatch(), (had, ours) -> had + " " + ours);
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + command + ": " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new Dynalite(process, URI.create("http://127.0.0.1:" + port));
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException("dynalite exited with " + process.exitValue());
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException("dynalite did not listen on port " + port + " within " + START.toSeconds() + " s");
  }

  /**
   * A script node loads first that ends dynalite when the JVM that started it ends, however it ends: a
   * {@code kill -9} runs no shutdown hook, but it closes dynalite's stdin, which this JVM holds open.
   */
  private static Path parentWatch() throws IOException {
    Path script = Path.of(System.getProperty("java.io.tmpdir"), "stratus-parent-watch-v1.js");
    if (!Files.exists(script)) {
      Path tmp = Files.createTempFile(script.getParent(), "stratus-parent-watch", ".tmp");
      Files.writeString(tmp, "// stratus: end with the JVM that started this process (its end of stdin closes)\n"
          + "process.stdin.on('end', () => process.exit(0));\n"
          + "process.stdin.on('error', () => process.exit(0));\n"
          + "process.stdin.resume();\n");
      Files.move(tmp, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
    return script;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Completes with the exit code when the process ends, whether closed or killed. */
  public CompletableFuture<Integer> exited() {
    return process.onExit().thenApply(Process::exitValue);
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
    process.destroy();
  }
}
