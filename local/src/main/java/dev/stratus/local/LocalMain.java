package dev.stratus.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** {@code java -jar local/target/stratus-local.jar serve|invoke|token …}: a generated template, run on this machine. */
public final class LocalMain {
  static final String SERVE_USAGE = String.join("\n",
      "usage: stratus-local serve --template FILE [--port 3000] [--api-key KEY] [--parameter NAME=VALUE]...",
      "                           [--static DIR] [--dynamodb-endpoint URL] [--clock-speed N]",
      "                           [--env FUNCTION.NAME=VALUE]... [--max-jvms 4] [--stack-name local] [--state DIR]",
      "                           [--enforce-permissions] [--classpath PATHS] [--exit-with-parent] [--check]",
      "Runs the template: REST and HTTP API routes on --port, S3, DynamoDB, SQS and SNS on loopback ports it prints,",
      "schedules at --clock-speed times real time; every other AWS service a function calls is refused, by name.",
      "--state DIR keeps S3 objects and DynamoDB tables in DIR across runs (queues start empty).",
      "Each function's S3, DynamoDB, SQS and SNS calls are held against its policies: one outside them is logged,",
      "and with --enforce-permissions refused with AccessDenied, as IAM refuses it.",
      "Routes' authorizers hold as on API Gateway: AWS_IAM takes requests the local keys sign, JWT and Cognito ones",
      "the tokens of stratus-local token, Lambda ones ask their function.",
      "--classpath PATHS (separated by " + java.io.File.pathSeparator + ") follow every function's code on its class path:",
      "the dependencies of a CodeUri that is a class folder, as mvn stratus:dev serves one.",
      "--exit-with-parent stops serve when the process that started it ends, however it ends.",
      "--check starts everything, prints the addresses and stops: a test that the template runs locally.",
      "Writes FILE's folder/.stratus-local.json (owner-only) for invoke: the invoke API's address and token.");
  static final String INVOKE_USAGE = String.join("\n",
      "usage: stratus-local invoke FUNCTION --template FILE [--event FILE|-] [serve options]",
      "Calls FUNCTION once, through the serve running that template if there is one, else on a fresh local stack.",
      "Without --event it sends what the function's first trigger would: the schedule's Input, a sample S3, SQS,",
      "SNS or API event (print them with: stratus-local generate-event FUNCTION --template FILE).");
  static final String GENERATE_USAGE = String.join("\n",
      "usage: stratus-local generate-event FUNCTION --template FILE",
      "Prints the event FUNCTION's first trigger would send, to edit and pass to invoke --event.");
  static final String TOKEN_USAGE = String.join("\n",
      "usage: stratus-local token --authorizer NAME --template FILE [--api API] [--sub USER] [--scope SCOPE]...",
      "                           [--claim NAME=VALUE]... [--ttl 3600] [--port PORT]",
      "Prints a token that the template's JWT or Cognito authorizer NAME takes under serve, signed by the local issuer",
      "that stands in for its own (its key in FILE's folder/stratus-local/issuer), for serve's port: the running one's,",
      "else --port, else 3000. A --claim VALUE that is JSON (a number, true, [\"a\"]) is put as such, else as text.",
      "curl -H \"Authorization: Bearer $(stratus-local token --authorizer Users --template FILE)\" …");
  static final String USAGE = String.join("\n", SERVE_USAGE, "", INVOKE_USAGE, "", GENERATE_USAGE, "", TOKEN_USAGE,
      "", "stratus-local COMMAND --help shows one command's usage.");

  private final PrintStream out;
  private final PrintStream err;

  LocalMain(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    if (ServeJvm.wanted(args)) {
      System.exit(ServeJvm.run(args));
    }
    // exit even on 0: the servers' threads would keep the JVM up; the shutdown hook closes them
    System.exit(new LocalMain(System.out, System.err).run(args));
  }

  int run(String... args) {
    try {
      if (args.length == 0) {
        throw new UsageException("a command is required");
      }
      String command = args[0];
      if (List.of(args).contains("--help") || List.of(args).contains("-h") || command.equals("help")) {
        out.println(switch (command) {
          case "serve" -> SERVE_USAGE;
          case "invoke" -> INVOKE_USAGE;
          case "generate-event" -> GENERATE_USAGE;
          case "token" -> TOKEN_USAGE;
          default -> USAGE;
        });
        return 0;
      }
      return switch (command) {
        case "serve" -> serve(parse(List.of(args).subList(1, args.length), null));
        case "token" -> token(List.of(args).subList(1, args.length));
        case "invoke", "generate-event" -> {
          if (args.length < 2 || args[1].startsWith("--")) {
            throw new UsageException(command + " needs the function's logical id");
          }
          Args a = parse(List.of(args).subList(2, args.length), args[1]);
          yield command.equals("invoke") ? invoke(args[1], a) : generateEvent(args[1], a);
        }
        default -> throw new UsageException("unknown command '" + command + "'");
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
  private record Args(LocalServer.Options options, String event, boolean check, boolean exitWithParent) {}

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
    Path state = null;
    boolean check = false;
    boolean exitWithParent = false;
    boolean enforce = false;
    List<Path> classpath = List.of();
    for (int i = 0; i < args.size(); i++) {
      String flag = args.get(i);
      if (flag.equals("--check")) {
        check = true;
        continue;
      }
      if (flag.equals("--enforce-permissions")) {
        enforce = true;
        continue;
      }
      if (flag.equals("--exit-with-parent")) {
        exitWithParent = true;
        continue;
      }
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
        case "--state" -> state = Path.of(value).toAbsolutePath().normalize();
        case "--classpath" -> classpath = paths(value);
        default -> throw new UsageException("unknown option " + flag);
      }
    }
    if (template == null) {
      throw new UsageException("--template is required, e.g. --template app/target/template.yaml");
    }
    if (staticDir != null && !Files.isDirectory(staticDir)) {
      throw new LocalException("--static " + staticDir + " is not a directory");
    }
    // dynalite and the Lambda runtime are found (and unpacked) only by a command that starts a stack
    return new Args(new LocalServer.Options(template, port, apiKey, parameters, staticDir, dynamo, null, null,
        clockSpeed, environment, maxJvms, stackName, state, enforce, classpath), event, check, exitWithParent);
  }

  private int serve(Args a) {
    AtomicReference<LocalServer> running = new AtomicReference<>(start(a));
    CountDownLatch stopped = new CountDownLatch(1);
    CompletableFuture<String> failed = new CompletableFuture<>();
    running.get().failed.thenAccept(failed::complete);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      LocalServer server = running.getAndSet(null);
      if (server != null) {
        RunFile.delete(a.options().template());
        server.close();
      }
      stopped.countDown();
    }));
    failed.thenRun(stopped::countDown);
    if (a.exitWithParent()) {
      exitWithParent();
    }
    if (a.check()) {
      out.println("stratus-local: --check: the stack starts; stopping");
      return 0;
    }
    watchTemplate(a, running, failed);
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (failed.isDone()) {
      err.println("error: " + failed.join());
      return 1;
    }
    return 0;
  }

  /**
   * --exit-with-parent: this JVM exits (its hooks stopping what it started) when the process that started it ends,
   * however it ends; a parent killed outright (Maven, the JVM that started a tuned serve) runs no hook to stop it.
   */
  static void exitWithParent() {
    ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
  }

  private LocalServer start(Args a) {
    long start = System.nanoTime();
    LocalServer server = LocalServer.start(a.options(), out);
    RunFile run = RunFile.write(a.options().template(), server);
    out.printf("stratus-local: started in %.1f s%n", (System.nanoTime() - start) / 1e9);
    String key = !server.apiKeyed() ? ""
        : "; x-api-key: " + (a.options().apiKey() != null ? "the --api-key given" : "in " + run.file());
    out.println("stratus-local: API        http://127.0.0.1:" + server.port() + "  (REST and HTTP API routes" + key + ")");
    out.println("stratus-local: S3         " + server.s3Endpoint() + "  (access key " + LocalServer.ACCESS_KEY
        + ", secret " + LocalServer.SECRET_KEY + ")");
    if (server.dynamoEndpoint() != null) {
      out.println("stratus-local: DynamoDB   " + server.dynamoEndpoint() + (server.streamsRecorded()
          ? "  (its tables' streams recorded)" : ""));
    }
    if (server.sqsEndpoint() != null) {
      out.println("stratus-local: SQS        " + server.sqsEndpoint() + "  (ElasticMQ)");
    }
    out.println("stratus-local: SNS        " + server.snsEndpoint() + "  (Publish)");
    out.println("stratus-local: EventBridge " + server.eventBridgeEndpoint() + "  (PutEvents)");
    if (server.kinesisEndpoint() != null) {
      out.println("stratus-local: Kinesis    " + server.kinesisEndpoint() + "  (kinesalite)");
    }
    server.functionUrls().forEach((id, url) -> out.println("stratus-local: URL        " + url + "  (" + id + ")"));
    out.println("stratus-local: other AWS  " + server.refuserEndpoint() + "  (refused: no call leaves this machine)");
    out.println("stratus-local: functions  " + String.join(", ", server.functionIds()) + "  (Ctrl-C stops all)");
    return server;
  }

  /**
   * A template whose text changed (mvn package wrote a new one) replaces the stack: the old one stops, the new
   * one starts on the same API port. A template that does not run is reported, and the next save tried.
   */
  private void watchTemplate(Args a, AtomicReference<LocalServer> running, CompletableFuture<String> failed) {
    Path template = a.options().template();
    Thread watcher = new Thread(() -> {
      String seen = read(template);
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(LocalServer.WATCH_MILLIS);
        } catch (InterruptedException e) {
          return;
        }
        String now = read(template);
        if (now == null || now.equals(seen)) {
          continue;
        }
        seen = now;
        out.println("stratus-local: " + template + " changed; restarting the stack (kept across it only with --state)");
        LocalServer old = running.getAndSet(null);
        if (old != null) {
          old.close();
        }
        try {
          LocalServer fresh = start(a);
          fresh.failed.thenAccept(failed::complete);
          running.set(fresh);
        } catch (LocalException e) {
          err.println("error: the new template does not run: " + e.getMessage() + "; fix it and save it again");
        }
      }
    }, "template-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return null;
    }
  }

  private int invoke(String function, Args a) {
    byte[] payload = a.event() == null ? SampleEvents.of(LocalStack.load(a.options().template(),
        a.options().parameters(), a.options().stackName()), function) : payload(a.event());
    RunFile run = RunFile.find(a.options().template());
    if (run != null) {
      Integer code = remoteInvoke(run, function, payload);
      if (code != null) {
        return code;
      }
    }
    try (LocalServer server = LocalServer.start(a.options(), err)) {
      Invocation.Result result = server.invoke(function, payload);
      out.println(new String(result.body(), StandardCharsets.UTF_8));
      return result.outcome() == Invocation.Outcome.OK ? 0 : 1;
    }
  }

  private int generateEvent(String function, Args a) {
    LocalStack stack = LocalStack.load(a.options().template(), a.options().parameters(), a.options().stackName());
    out.println(new String(SampleEvents.of(stack, function), StandardCharsets.UTF_8));
    return 0;
  }

  /** Mints a token of the local issuer for a JWT or Cognito authorizer of the template, and prints it. */
  private int token(List<String> args) {
    String authorizer = null;
    Path template = null;
    String subject = "local-user";
    List<String> scopes = new ArrayList<>();
    Map<String, Object> claims = new LinkedHashMap<>();
    int ttl = 3600;
    Integer port = null;
    String api = null;
    for (int i = 0; i < args.size(); i += 2) {
      String flag = args.get(i);
      if (i + 1 >= args.size()) {
        throw new UsageException(flag + " needs a value");
      }
      String value = args.get(i + 1);
      switch (flag) {
        case "--authorizer" -> authorizer = value;
        case "--template" -> template = Path.of(value);
        case "--sub" -> subject = value;
        case "--scope" -> scopes.add(value);
        case "--claim" -> {
          String[] kv = pair(flag, value);
          claims.put(kv[0], claimValue(kv[1]));
        }
        case "--ttl" -> ttl = number(flag, value);
        case "--port" -> port = number(flag, value);
        case "--api" -> api = value;
        default -> throw new UsageException("unknown option " + flag);
      }
    }
    if (authorizer == null || template == null) {
      throw new UsageException("token needs --authorizer NAME and --template FILE");
    }
    List<Authorizer.Bearer> bearers = ApiAuth.bearers(LocalStack.load(template, Map.of(), "local"));
    String name = authorizer;
    String onApi = api;
    List<Authorizer.Bearer> named = bearers.stream()
        .filter(x -> x.name().equals(name) && (onApi == null || x.api().equals(onApi))).toList();
    if (named.isEmpty()) {
      throw new LocalException("no JWT or Cognito authorizer " + authorizer + (api == null ? "" : " on " + api)
          + " in " + template + "; it has: " + (bearers.isEmpty() ? "none"
          : String.join(", ", bearers.stream().map(x -> x.name() + " (" + x.api() + ")").toList())));
    }
    if (named.stream().map(x -> List.of(x.issuerPath(), x.audiences(), x.cognito())).distinct().count() > 1) {
      throw new UsageException("authorizer " + authorizer + " is on " + String.join(" and ",
          named.stream().map(Authorizer.Bearer::api).toList()) + ", with different issuers or audiences: say which with --api");
    }
    Authorizer.Bearer b = named.get(0);
    RunFile run = RunFile.find(template);
    int apiPort = port != null ? port : run != null && run.api().getPort() > 0 ? run.api().getPort() : 3000;
    // SAM names no app clients for a Cognito authorizer, which takes any: the token names one all the same.
    List<String> audiences = b.cognito() && b.audiences().isEmpty() ? List.of("stratus-local") : b.audiences();
    out.println(LocalIssuer.open(LocalIssuer.dir(template)).mint(LocalIssuer.claims(LocalIssuer.issuerUrl(apiPort,
        b.issuerPath()), subject, audiences, scopes, b.cognito(), Duration.ofSeconds(ttl), Instant.now(), claims)));
    return 0;
  }

  /** A claim's value as JSON when it is JSON, else as the text it is. */
  private static Object claimValue(String text) {
    try {
      return Events.JSON.readerFor(Object.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readValue(text);
    } catch (IOException e) {
      return text;
    }
  }

  /** Through the running serve; null when its run file is stale (nothing answers). */
  private Integer remoteInvoke(RunFile run, String function, byte[] payload) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          run.invokeEndpoint().resolve(InvokeEndpoint.PREFIX + function + "/invocations"))
          .header("Authorization", "Bearer " + run.token())
          .POST(HttpRequest.BodyPublishers.ofByteArray(payload)).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 404) {
        throw new LocalException(Events.JSON.readTree(r.body()).path("message").asText());
      }
      out.println(r.body());
      return r.statusCode() == 200 && r.headers().firstValue("X-Amz-Function-Error").isEmpty() ? 0 : 1;
    } catch (ConnectException e) {
      err.println("stratus-local: the serve of " + run.file() + " is gone; running " + function + " on a fresh stack");
      return null;
    } catch (IOException e) {
      throw new LocalException("the running serve did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalException("interrupted");
    }
  }

  private static byte[] payload(String event) {
    try {
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

  /** --classpath's entries; each must exist, else a function would fail at its first call with a missing class. */
  private static List<Path> paths(String value) {
    List<Path> out = new ArrayList<>();
    for (String p : value.split(java.io.File.pathSeparator)) {
      if (p.isEmpty()) {
        continue;
      }
      Path path = Path.of(p).toAbsolutePath().normalize();
      if (!Files.exists(path)) {
        throw new LocalException("--classpath: " + path + " does not exist");
      }
      out.add(path);
    }
    return out;
  }

  static URI uri(String flag, String value) {
    try {
      return new URI(value);
    } catch (URISyntaxException e) {
      throw new UsageException(flag + " takes a URL; got '" + value + "'");
    }
  }

  /** The runtime interface client's jars: carried in this jar (unpacked once), unless a property says. */
  static Path runtimeClasspath() {
    String configured = System.getProperty("stratus.runtimeClasspath");
    return configured != null ? Path.of(configured) : UserCache.unpacked("lambda-runtime");
  }
}
