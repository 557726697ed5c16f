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
 * {@code serve} killed with SIGKILL, which runs no shutdown hook: its children (dynalite, the functions' JVMs)
 * end too, and none is left holding a port or memory.
 */
class NothingLeftBehindIT {
  @TempDir Path dir;

  @Test
  void killingServeEndsItsChildren() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Path log = dir.resolve("serve.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process serve = new ProcessBuilder(java, "-Ddynalite.command=" + TestStacks.dynalite().toAbsolutePath(),
        "-Dstratus.runtimeClasspath=" + System.getProperty("stratus.runtimeClasspath", "target/classes/lambda-runtime"),
        "-jar", Path.of("target/stratus-local.jar").toAbsolutePath().toString(), "serve",
        "--template", LocalMainIT.filestoreTemplate(), "--port", Integer.toString(port))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    List<ProcessHandle> children = List.of();
    try {
      long deadline = System.nanoTime() + 60_000_000_000L;
      while (!Files.readString(log).contains("stratus-local: functions")) {
        assertThat(serve.isAlive() && System.nanoTime() < deadline).as(Files.readString(log)).isTrue();
        Thread.sleep(100);
      }
      // A function's JVM, started by a call.
      HttpResponse<String> r = Http.call("POST", "http://127.0.0.1:" + port + "/file", "{\"name\": \"a.txt\"}",
          Map.of());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      children = serve.descendants().toList();
      assertThat(children).as("dynalite and a function's JVM").hasSizeGreaterThanOrEqualTo(2);

      serve.destroyForcibly().waitFor();

      long gone = System.nanoTime() + 15_000_000_000L;
      while (children.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < gone) {
        Thread.sleep(100);
      }
      assertThat(children.stream().filter(ProcessHandle::isAlive)
          .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList()).as("left running").isEmpty();
    } finally {
      serve.destroyForcibly();
      children.forEach(ProcessHandle::destroyForcibly);
    }
  }
}
