package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} killed with SIGKILL, which runs no shutdown hook: its children (dynalite, kinesalite, the
 * functions' JVMs) end too, and none is left holding a port or memory.
 */
class NothingLeftBehindIT {
  @TempDir Path dir;

  @Test
  void killingServeEndsItsChildren() throws Exception {
    killServeAndFindNoChildLeft(Path.of(LocalMainIT.filestoreTemplate()), 2, "dynalite and a function's JVM", port -> {
      // A function's JVM, started by a call.
      HttpResponse<String> r = Http.call("POST", "http://127.0.0.1:" + port + "/file", "{\"name\": \"a.txt\"}",
          Map.of());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    });
  }

  @Test
  void killingServeEndsKinesaliteToo() throws Exception {
    Path template = Files.writeString(dir.resolve("streams.yaml"), """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Clicks: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 1}}
        """);
    killServeAndFindNoChildLeft(template, 1, "kinesalite (no table: no dynalite)", port -> {});
  }

  /** Serves {@code template}, does {@code then}, kills serve with SIGKILL and waits for its children to end. */
  private void killServeAndFindNoChildLeft(Path template, int children, String which, Started then) throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = dir.resolve("serve.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process serve = new ProcessBuilder(java, "-Ddynalite.command=" + TestStacks.dynalite().toAbsolutePath(),
        "-Dkinesalite.command=" + System.getProperty("kinesalite.command", "../node_modules/kinesalite/index.js"),
        "-Dstratus.runtimeClasspath=" + System.getProperty("stratus.runtimeClasspath", "target/classes/lambda-runtime"),
        "-jar", Path.of("target/stratus-local.jar").toAbsolutePath().toString(), "serve",
        "--template", template.toString(), "--port", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    List<ProcessHandle> started = List.of();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.readString(log).contains("stratus-local: functions")) {
        assertThat(serve.isAlive() && System.nanoTime() < deadline).as(Files.readString(log)).isTrue();
        Thread.sleep(100);
      }
      then.at(port);
      started = serve.descendants().toList();
      assertThat(started).as(which).hasSizeGreaterThanOrEqualTo(children);

      serve.destroyForcibly().waitFor();

      long gone = System.nanoTime() + 15_000_000_000L;
      while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
        Thread.sleep(100);
      }
      assertThat(started.stream().filter(ProcessHandle::isAlive)
          .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList()).as("left running").isEmpty();
    } finally {
      serve.destroyForcibly();
      started.forEach(ProcessHandle::destroyForcibly);
    }
  }

  private interface Started {
    void at(int port) throws Exception;
  }
}
