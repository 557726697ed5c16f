package dev.stratus.local.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;

/**
 * A Node program serving an AWS API (dynalite, kinesalite) as a child process on a free loopback port, which
 * ends when the JVM that started it ends, however it ends.
 */
public final class NodeServer implements AutoCloseable {
  private static final Duration START = Duration.ofSeconds(15);

  private final String name;
  private final Process process;
  private final URI endpoint;

  /** The program is not there: it has not been installed. */
  public static final class NotInstalled extends IllegalStateException {
    NotInstalled(Path command) {
      super(command + " is missing: run 'npm ci' at the repository root");
    }
  }

  private NodeServer(String name, Process process, URI endpoint) {
    this.name = name;
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Starts {@code program} with the arguments {@code args} gives for a port, and waits until it answers there.
   * {@code program} is run as it is when executable (npm's {@code .bin} entries), else by {@code node}.
   *
   * @throws NotInstalled when {@code program} is missing
   * @throws IllegalStateException saying what went wrong otherwise
   */
  public static NodeServer start(String name, Path program, IntFunction<List<String>> args) {
    if (!Files.exists(program)) {
      throw new NotInstalled(program);
    }
    int port = FreePort.pick(name);
    Process process;
    try {
      List<String> command = new ArrayList<>();
      if (!Files.isExecutable(program)) {
        command.add("node");
      }
      command.add(program.toString());
      command.addAll(args.apply(port));
      ProcessBuilder builder = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.environment().merge("NODE_OPTIONS", "--require " + parentWatch(), (had, ours) -> had + " " + ours);
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start " + program + ": " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + START.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new NodeServer(name, process, URI.create("http://127.0.0.1:" + port));
      } catch (IOException notYet) {
        if (!process.isAlive()) {
          throw new IllegalStateException(name + " exited with " + process.exitValue());
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          process.destroyForcibly();
          throw new IllegalStateException("interrupted while waiting for " + name + " to listen", e);
        }
      }
    }
    process.destroyForcibly();
    throw new IllegalStateException(name + " did not listen on port " + port + " within " + START.toSeconds() + " s");
  }

  /**
   * A script node loads first that ends the server when the JVM that started it ends, however it ends: a
   * {@code kill -9} runs no shutdown hook, but it closes the server's stdin, which this JVM holds open.
   */
  private static Path parentWatch() throws IOException {
    return script("stratus-parent-watch-v1.js", "// stratus: end with the JVM that started this process (its end of stdin"
        + " closes)\nprocess.stdin.on('end', () => process.exit(0));\nprocess.stdin.on('error', () => process.exit(0));\n"
        + "process.stdin.resume();\n");
  }

  /** A script of ours for node, written once into the temporary folder: {@code name} says its version. */
  public static Path script(String name, String text) throws IOException {
    Path script = Path.of(System.getProperty("java.io.tmpdir"), name);
    if (!Files.exists(script)) {
      Path tmp = Files.createTempFile(script.getParent(), name, ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    return script;
  }

  public String name() {
    return name;
  }

  public URI endpoint() {
    return endpoint;
  }

  /** Completes with the exit code when the process ends, whether closed or killed. */
  public CompletableFuture<Integer> exited() {
    return process.onExit().thenApply(Process::exitValue);
  }

  @Override
  public void close() {
    process.destroy();
  }
}
