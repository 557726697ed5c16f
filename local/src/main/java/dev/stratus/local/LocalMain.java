package dev.stratus.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar local/target/stratus-local.jar serve|invoke …}: a generated template, run on this machine. */
public final class LocalMain {
  static final String USAGE = String.join("\n",
      "usage: stratus-local serve --template FILE [--port 3000] [--api-key KEY] [--parameter NAME=VALUE]...",
      "                           [--static DIR] [--dynamodb-endpoint URL] [--clock-speed N]",
      "                           [--env FUNCTION.NAME=VALUE]... [--max-jvms 4] [--stack-name local]",
      "       stratus-local invoke FUNCTION --template FILE [--event FILE|-] [--endpoint URL] [serve options]",
      "serve: API Gateway on the port, S3 (with notifications) and DynamoDB on ports it prints, schedules running;",
      "invoke: one call of a function, against a running serve (--endpoint http://127.0.0.1:3000) or a fresh stack.");

  private final PrintStream out;
  private final PrintStream err;

  LocalMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    int code = new LocalMain(System.out, System.err).run(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  int run(String... args) {
    try {
      if (args.length == 0) {
        throw new UsageException("a command is required");
      }
      return switch (args[0]) {
        case "serve" -> serve(parse(List.of(args).subList(1, args.length), null));
        case "invoke" -> {
          if (args.length < 2 || args[1].startsWith("--")) {
            throw new UsageException("invoke needs the function's logical id");
          }
          yield invoke(args[1], parse(List.of(args).subList(2, args.length), args[1]));
        }
        default -> throw new UsageException("unknown command '" + args[0] + "'");
      };
    } catch (UsageException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (LocalException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  /** Parsed arguments: the server's options and the invoke-only ones. */
  private record Args(LocalServer.Options options, String event, URI endpoint) {}

  private static final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  private Args parse(List<String> args, String function) {
    Path template = null;
    int port = function == null ? 3000 : 0;
    String apiKey = null;
    Map<String, String> parameters = new LinkedHashMap<>();
    Map<String, Map<String, String>> environment = new LinkedHashMap<>();
    Path staticDir = null;
    URI dynamo = null;
    double clockSpeed = 1;
    int maxJvms = 4;
    String stackName = "local";
    String event = null;
    URI endpoint = null;
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new UsageException(flag + " needs a value");
      }
      String value = args.get(++i);
      switch (flag) {
        case "--template" -> template = Path.of(value);
        case "--port" -> port = number(flag, value);
        case "--api-key" -> apiKey = value;
        case "--parameter" -> {
          String[] kv = pair(flag, value);
          parameters.put(kv[0], kv[1]);
        }
        case "--env" -> {
          String[] kv = pair(flag, value);
          int dot = kv[0].indexOf('.');
          if (dot <= 0) {
            throw new UsageException("--env takes FUNCTION.NAME=VALUE, e.g. ExpireFunction.EXPIRE_AFTER=PT0S");
          }
          environment.computeIfAbsent(kv[0].substring(0, dot), k -> new LinkedHashMap<>())
              .put(kv[0].substring(dot + 1), kv[1]);
        }
        case "--static" -> staticDir = Path.of(value).toAbsolutePath().normalize();
        case "--dynamodb-endpoint" -> dynamo = uri(flag, value);
        case "--clock-speed" -> {
          try {
            clockSpeed = Double.parseDouble(value);
          } catch (NumberFormatException e) {
            throw new UsageException("--clock-speed takes a number, e.g. 60 for a minute a second");
          }
        }
        case "--max-jvms" -> maxJvms = number(flag, value);
        case "--stack-name" -> stackName = value;
        case "--event" -> event = value;
        case "--endpoint" -> endpoint = uri(flag, value);
        default -> throw new UsageException("unknown option " + flag);
      }
    }
    if (template == null && endpoint == null) {
      throw new UsageException("--template is required, e.g. --template app/target/template.yaml");
    }
    if (staticDir != null && !Files.isDirectory(staticDir)) {
      throw new LocalException("--static " + staticDir + " is not a directory");
    }
    return new Args(new LocalServer.Options(template, port, apiKey, parameters, staticDir, dynamo, dynaliteCommand(),
        runtimeClasspath(), clockSpeed, environment, maxJvms, stackName), event, endpoint);
  }

  private int serve(Args a) {
    long start = System.nanoTime();
    LocalServer server = LocalServer.start(a.options(), out);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }));
    out.printf("stratus-local: started in %.1f s%n", (System.nanoTime() - start) / 1e9);
    out.println("stratus-local: API        http://127.0.0.1:" + server.port() + "  (x-api-key: " + server.apiKey() + ")");
    out.println("stratus-local: S3         " + server.s3Endpoint() + "  (access key " + LocalServer.ACCESS_KEY
        + ", secret " + LocalServer.SECRET_KEY + ")");
    out.println("stratus-local: DynamoDB   " + server.dynamoEndpoint());
    out.println("stratus-local: functions  " + String.join(", ", server.functionIds()) + "  (Ctrl-C stops all)");
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  private int invoke(String function, Args a) {
    byte[] payload = payload(a.event());
    if (a.endpoint() != null) {
      return remoteInvoke(a.endpoint(), function, payload);
    }
    try (LocalServer server = LocalServer.start(a.options(), err)) {
      Invocation.Result result = server.invoke(function, payload);
      out.println(new String(result.body(), StandardCharsets.UTF_8));
      return result.outcome() == Invocation.Outcome.OK ? 0 : 1;
    }
  }

  private int remoteInvoke(URI endpoint, String function, byte[] payload) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          endpoint.resolve("/2015-03-31/functions/" + function + "/invocations"))
          .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.ofString());
      out.println(r.body());
      return r.statusCode() == 200 && r.headers().firstValue("X-Amz-Function-Error").isEmpty() ? 0 : 1;
    } catch (IOException e) {
      throw new LocalException("no stratus-local serve answers at " + endpoint + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalException("interrupted");
    }
  }

  private static byte[] payload(String event) {
    try {
      if (event == null) {
        return "{}".getBytes(StandardCharsets.UTF_8);
      }
      return event.equals("-") ? System.in.readAllBytes() : Files.readAllBytes(Path.of(event));
    } catch (IOException e) {
      throw new LocalException("cannot read the event " + event + ": " + e.getMessage());
    }
  }

  private static String[] pair(String flag, String value) {
    int eq = value.indexOf('=');
    if (eq <= 0) {
      throw new UsageException(flag + " takes NAME=VALUE; got '" + value + "'");
    }
    return new String[] {value.substring(0, eq), value.substring(eq + 1)};
  }

  private static int number(String flag, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " takes a number; got '" + value + "'");
    }
  }

  private static URI uri(String flag, String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new UsageException(flag + " takes a URL; got '" + value + "'");
    }
  }

  /** dynalite from the repository's {@code npm ci}, unless {@code -Ddynalite.command} says otherwise. */
  private static Path dynaliteCommand() {
    return Path.of(System.getProperty("dynalite.command", "node_modules/.bin/dynalite"));
  }

  /** The runtime interface client's jars: next to this jar in {@code lambda-runtime/}, unless a property says. */
  static Path runtimeClasspath() {
    String configured = System.getProperty("stratus.runtimeClasspath");
    if (configured != null) {
      return Path.of(configured);
    }
    try {
      Path jar = Path.of(LocalMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return jar.getParent().resolve("lambda-runtime");
    } catch (URISyntaxException e) {
      throw new LocalException("cannot locate the Lambda runtime jars; set -Dstratus.runtimeClasspath=DIR");
    }
  }
}
