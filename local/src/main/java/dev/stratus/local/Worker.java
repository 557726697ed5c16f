package dev.stratus.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One function JVM, as Lambda runs it: the AWS runtime interface client in a child process, talking to a
 * Lambda Runtime API served here on a port of its own. Serves one invocation at a time.
 */
final class Worker {
  private static final String API = "/2018-06-01/runtime";
  /** Where a SnapStart function's JVM fetches its credentials, as Lambda's container endpoint serves them. */
  private static final String CREDENTIALS = "/2018-06-01/credentials";

  private final FunctionSpec spec;
  private final HttpServer server;
  private final Process process;
  private final LinkedBlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
  private final Map<String, Invocation> running = new ConcurrentHashMap<>();

  Worker(FunctionSpec spec, RuntimeInterfaceClient ric, Map<String, String> baseEnvironment, PrintStream log) {
    this.spec = spec;
    try {
      server = Loopback.create(0, spec.logicalId() + "-runtime-api");
    } catch (IOException e) {
      throw new LocalException("cannot open a Runtime API port: " + e.getMessage(), e);
    }
    server.createContext(API + "/invocation/", this::invocation);
    server.createContext(API + "/init/error", exchange -> {
      failAll(exchange.getRequestBody().readAllBytes());
      reply(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
    });
    String token = UUID.randomUUID().toString();
    server.createContext(CREDENTIALS, exchange -> credentials(exchange, token, baseEnvironment));
    server.start();
    process = start(ric, baseEnvironment, token, log);
  }

  private Process start(RuntimeInterfaceClient ric, Map<String, String> baseEnvironment, String token,
      PrintStream log) {
    List<String> classpath = new ArrayList<>();
    classpath.add(spec.code().toString());
    spec.libraries().forEach(p -> classpath.add(p.toString()));
    ric.jars.forEach(p -> classpath.add(p.toString()));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + Math.max(64, spec.memoryMb()) + "m",
        "-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1",
        // the runtime opens its log descriptor through FileDescriptor's private constructor
        "--add-opens", "java.base/java.io=ALL-UNNAMED",
        "-D" + RuntimeInterfaceClient.NATIVE_LIBRARY_PROPERTY + "=" + ric.nativeLibrary,
        "-cp", String.join(File.pathSeparator, classpath),
        RuntimeInterfaceClient.MAIN_CLASS, spec.handler());
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.putAll(baseEnvironment);
    env.put("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:" + server.getAddress().getPort());
    env.put("AWS_LAMBDA_FUNCTION_NAME", spec.name());
    env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
    env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", Integer.toString(spec.memoryMb()));
    env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/" + spec.name());
    env.put("AWS_LAMBDA_LOG_STREAM_NAME", "local");
    env.put("_HANDLER", spec.handler());
    env.put("LAMBDA_TASK_ROOT", spec.taskRoot().toString());
    env.put("TZ", ":UTC");
    env.putAll(spec.environment());
    if (spec.snapStart()) {
      // Lambda gives SnapStart functions no keys: credentials frozen into a snapshot would outlive their session.
      env.remove("AWS_ACCESS_KEY_ID");
      env.remove("AWS_SECRET_ACCESS_KEY");
      env.remove("AWS_SESSION_TOKEN");
      env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:" + server.getAddress().getPort() + CREDENTIALS);
      env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", token);
    }
    // The runtime writes each LambdaLogger.log call as one frame to this descriptor, as on Lambda, where it
    // becomes one CloudWatch entry; plain stdout stays lines.
    env.put("_LAMBDA_TELEMETRY_LOG_FD", "2");
    try {
      Process p = pb.start();
      p.onExit().thenRun(() -> failAll(("{\"errorMessage\":\"the function's JVM exited with code " + p.exitValue()
          + "\",\"errorType\":\"Runtime.ExitError\"}").getBytes(StandardCharsets.UTF_8)));
      Thread lines = new Thread(() -> pump(p.getInputStream(), log), spec.logicalId() + "-stdout");
      lines.setDaemon(true);
      lines.start();
      Thread frames = new Thread(() -> frames(p.getErrorStream(), log), spec.logicalId() + "-log");
      frames.setDaemon(true);
      frames.start();
      return p;
    } catch (IOException e) {
      server.stop(0);
      throw new LocalException("cannot start " + java + ": " + e.getMessage(), e);
    }
  }

  /** The container credentials endpoint: the local keys, for the caller that shows the worker's token. */
  private static void credentials(HttpExchange exchange, String token, Map<String, String> env) throws IOException {
    if (!token.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      reply(exchange, 403, "{\"message\":\"wrong or missing authorization token\"}".getBytes(StandardCharsets.UTF_8),
          Map.of());
      return;
    }
    byte[] json = Events.JSON.writeValueAsBytes(Events.JSON.createObjectNode()
        .put("AccessKeyId", env.get("AWS_ACCESS_KEY_ID"))
        .put("SecretAccessKey", env.get("AWS_SECRET_ACCESS_KEY"))
        .put("Expiration", Instant.now().plus(Duration.ofHours(1)).toString()));
    reply(exchange, 200, json, Map.of("Content-Type", "application/json"));
  }

  private void failAll(byte[] error) {
    running.values().forEach(i -> i.result.complete(new Invocation.Result(Invocation.Outcome.ERROR, error)));
    pending.forEach(i -> i.result.complete(new Invocation.Result(Invocation.Outcome.ERROR, error)));
  }

  private static final int FRAME_MAGIC = 0xA55A;

  /**
   * The runtime's telemetry frames (0xA55A and a type, the length, a timestamp, then the message), each
   * printed as it arrives, as one entry; whatever else the JVM writes there (a crash report) passes as lines.
   */
  private void frames(InputStream stream, PrintStream log) {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
      while (true) {
        in.mark(4);
        int type = in.readInt();
        if ((type >>> 16) != FRAME_MAGIC) {
          in.reset();
          StringBuilder line = new StringBuilder();
          for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            line.append((char) c);
          }
          log.println("[" + spec.logicalId() + "] " + line);
          continue;
        }
        byte[] message = new byte[in.readInt()];
        in.readLong();
        in.readFully(message);
        String text = new String(message, StandardCharsets.UTF_8).stripTrailing();
        log.println("[" + spec.logicalId() + "] " + text.replace("\n", "\n    "));
      }
    } catch (IOException ended) {
      // the process ended
    }
  }

  private void pump(InputStream in, PrintStream log) {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        log.println("[" + spec.logicalId() + "] " + line);
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  /**
   * Runs one invocation: waits up to {@code initSeconds} for the runtime to take it, then the function's
   * timeout for the answer. A worker that times out is killed, as Lambda recycles the sandbox.
   */
  Invocation.Result invoke(byte[] payload, int initSeconds) {
    Invocation call = new Invocation(payload);
    pending.add(call);
    try {
      // An init error or a crash answers before the call is ever taken.
      java.util.concurrent.CompletableFuture.anyOf(call.taken, call.result).get(initSeconds, TimeUnit.SECONDS);
      return call.result.get(spec.timeoutSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      stop();
      String what = call.taken.isDone() ? "Task timed out after " + spec.timeoutSeconds() + " seconds"
          : "the function did not start within " + initSeconds + " seconds";
      return new Invocation.Result(Invocation.Outcome.TIMEOUT, ("{\"errorMessage\":\"" + what + "\"}")
          .getBytes(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalException("interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pending.remove(call);
      running.remove(call.requestId);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  void stop() {
    process.destroyForcibly();
    server.stop(0);
  }

  private void invocation(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath().substring((API + "/invocation/").length());
    if (path.equals("next") && exchange.getRequestMethod().equals("GET")) {
      Invocation call;
      try {
        call = pending.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.close();
        return;
      }
      running.put(call.requestId, call);
      long deadline = System.currentTimeMillis() + spec.timeoutSeconds() * 1000L;
      call.taken.complete(deadline);
      // The runtime interface client's native code needs every one of these headers, Content-Type first.
      reply(exchange, 200, call.payload, Map.of(
          "Content-Type", "application/json",
          "Lambda-Runtime-Aws-Request-Id", call.requestId,
          "Lambda-Runtime-Deadline-Ms", Long.toString(deadline),
          "Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT
              + ":function:" + spec.name(),
          "Lambda-Runtime-Trace-Id", "Root=1-" + Long.toHexString(System.currentTimeMillis() / 1000) + "-"
              + call.requestId.replace("-", "").substring(0, 24) + ";Sampled=0"));
      return;
    }
    int slash = path.indexOf('/');
    Invocation call = slash < 0 ? null : running.get(path.substring(0, slash));
    byte[] body = exchange.getRequestBody().readAllBytes();
    if (call == null) {
      reply(exchange, 400, "{\"errorMessage\":\"unknown request id\"}".getBytes(StandardCharsets.UTF_8), Map.of());
      return;
    }
    Invocation.Outcome outcome = path.endsWith("/response") ? Invocation.Outcome.OK : Invocation.Outcome.ERROR;
    call.result.complete(new Invocation.Result(outcome, body));
    reply(exchange, 202, "{}".getBytes(StandardCharsets.UTF_8), Map.of());
  }

  private static void reply(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    Replies.send(exchange, status, body);
  }
}
