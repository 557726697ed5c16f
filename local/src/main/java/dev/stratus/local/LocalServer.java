package dev.stratus.local;

import com.sun.net.httpserver.HttpServer;
import dev.stratus.template.FunctionUrlConfig;
import dev.stratus.template.Resource;
import dev.stratus.template.SamNames;
import dev.stratus.template.Value;
import dev.stratus.template.connect.Permissions;
import dev.stratus.template.events.ApiCors;
import dev.stratus.template.events.ApiEvent;
import dev.stratus.template.events.DynamoDbStreamEvent;
import dev.stratus.template.events.EventBridgeRuleEvent;
import dev.stratus.template.events.EventPattern;
import dev.stratus.template.events.HttpApiEvent;
import dev.stratus.template.events.KinesisEvent;
import dev.stratus.template.events.OtherEvent;
import dev.stratus.template.events.S3Event;
import dev.stratus.template.events.SamEvent;
import dev.stratus.template.events.ScheduleEvent;
import dev.stratus.template.events.ScheduleExpression;
import dev.stratus.template.events.SnsEvent;
import dev.stratus.template.events.SqsEvent;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** A generated template running on this machine: S3, DynamoDB, API Gateway, schedules and the functions behind them. */
public final class LocalServer implements AutoCloseable {
  static final String ACCESS_KEY = "local";
  static final String SECRET_KEY = "local-secret-key";
  /** How often the code and the template are looked at for a rebuild: a fraction of an edit's budget. */
  static final long WATCH_MILLIS = 200;
  /** SAM's batch size for SQS when the template gives none. */
  private static final int DEFAULT_SQS_BATCH = 10;

  /**
   * How to run: see {@code LocalMain}'s usage for each. A null {@code dynaliteCommand} or {@code runtimeClasspath}
   * means the ones stratus-local carries ({@link NodeInstall}, {@link LocalMain#runtimeClasspath()}).
   */
  public record Options(Path template, int port, String apiKey, Map<String, String> parameters, Path staticDir,
      URI dynamoEndpoint, Path dynaliteCommand, Path runtimeClasspath, double clockSpeed,
      Map<String, Map<String, String>> environment, int maxJvmsPerFunction, String stackName, Path state,
      boolean enforcePermissions, List<Path> classpath) {}

  /** A function's S3 event: which bucket, which changes, which keys. */
  record S3Subscription(String function, String bucket, List<String> events, String prefix, String suffix,
      String name) {
    boolean matches(NotifyingBlobStore.Change change) {
      boolean event = events.stream().anyMatch(e -> {
        String wanted = e.startsWith("s3:") ? e.substring(3) : e;
        return wanted.endsWith(":*") ? change.event().startsWith(wanted.substring(0, wanted.length() - 1))
            : wanted.equals(change.event());
      });
      return event && bucket.equals(change.bucket()) && change.key().startsWith(prefix) && change.key().endsWith(suffix);
    }
  }

  private final LocalStack stack;
  private final Map<String, FunctionPool> pools = new LinkedHashMap<>();
  private final List<S3Subscription> subscriptions = new ArrayList<>();
  /** Asynchronous invocations, and the servers starting side by side: a thread each. */
  private final ExecutorService async = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "async");
    t.setDaemon(true);
    return t;
  });
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "schedules");
    t.setDaemon(true);
    return t;
  });
  private final PrintStream log;
  private LocalClock clock;
  /** The API's port, bound first; {@link #api} serves on it once everything else runs. */
  private HttpServer apiServer;
  private final String apiKey;
  private final List<EventSourceMapping> pollers = new ArrayList<>();
  /** Each function's ways to the services, see {@link #audited}. */
  private final List<AuditRelay> relays = new ArrayList<>();
  /** Completes, with why, when a child server dies under the running stack. */
  final CompletableFuture<String> failed = new CompletableFuture<>();
  private LocalS3 s3;
  private LocalSqs sqs;
  private LocalSns sns;
  private LocalEventBridge eventBridge;
  private NoLocalService refuser;
  private LocalDynamo dynamo;
  private LocalKinesis kinesis;
  private ApiGateway api;
  private InvokeEndpoint invokeApi;
  /** Each function URL's port, bound at start; then served by its gateway. */
  private final Map<String, HttpServer> urlServers = new LinkedHashMap<>();
  private final Map<String, ApiGateway> functionUrls = new LinkedHashMap<>();

  private LocalServer(LocalStack stack, String apiKey, PrintStream log) {
    this.stack = stack;
    this.apiKey = apiKey;
    this.log = log;
  }

  public static LocalServer start(Options o, PrintStream log) {
    LocalStack stack = LocalStack.load(o.template(), o.parameters(), o.stackName());
    String key = o.apiKey() != null ? o.apiKey() : HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    LocalServer server = new LocalServer(stack, key, log);
    try {
      server.run(o);
    } catch (RuntimeException e) {
      server.close();
      throw e;
    } finally {
      // After the run: starting the services adds what they do not deliver.
      stack.notices.forEach(n -> log.println("stratus-local: " + n));
    }
    return server;
  }

  private void run(Options o) {
    clock = new LocalClock(o.clockSpeed());
    apiServer = ApiGateway.bind(o.port());
    // ElasticMQ (Scala and Pekko: serve's slowest start), dynalite and kinesalite (Node processes) start side by
    // side with the rest, each on a thread of its own (the common pool has one thread on two cores, and would take
    // them in turn) and only for a template that has what it serves (a DynamoDB the user names is used whatever
    // the template has).
    boolean tables = !stack.ofType("AWS::DynamoDB::Table").isEmpty() || o.dynamoEndpoint() != null;
    CompletableFuture<LocalSqs> startingSqs = stack.ofType("AWS::SQS::Queue").isEmpty()
        ? CompletableFuture.completedFuture(null) : CompletableFuture.supplyAsync(() -> LocalSqs.start(stack), async);
    CompletableFuture<LocalDynamo> startingDynamo = !tables ? CompletableFuture.completedFuture(null)
        : CompletableFuture.supplyAsync(() -> LocalDynamo.start(stack, o.dynamoEndpoint(), o.dynaliteCommand(),
            o.state() == null ? null : o.state().resolve("dynamodb"), log), async);
    CompletableFuture<LocalKinesis> startingKinesis = CompletableFuture.supplyAsync(() -> LocalKinesis.start(stack, log),
        async);
    // Each is waited for, so that what started is closed with the rest; the first failure is the one said.
    RuntimeException failure = null;
    RuntimeInterfaceClient found = null;
    try {
      found = RuntimeInterfaceClient.in(o.runtimeClasspath() != null ? o.runtimeClasspath()
          : LocalMain.runtimeClasspath());
      s3 = new LocalS3(stack, o.state() == null ? null : o.state().resolve("s3"), this::notify);
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      sqs = joined(startingSqs);
    } catch (RuntimeException e) {
      failure = withSuppressed(failure, e);
    }
    try {
      dynamo = joined(startingDynamo);
    } catch (RuntimeException e) {
      failure = withSuppressed(failure, e);
    }
    try {
      kinesis = joined(startingKinesis);
    } catch (RuntimeException e) {
      failure = withSuppressed(failure, e);
    }
    if (failure != null) {
      throw failure;
    }
    RuntimeInterfaceClient ric = found;
    if (dynamo != null) {
      dynamo.watch(message -> {
        log.println("stratus-local: " + message + "; stopping: DynamoDB calls would fail from here on");
        failed.complete(message);
      });
    }
    if (kinesis != null) {
      kinesis.watch(message -> {
        log.println("stratus-local: " + message + "; stopping: Kinesis calls would fail from here on");
        failed.complete(message);
      });
    }
    // Bound before the functions' environments are read: !GetAtt of a URL is its local address.
    stack.ofType(Resource.SERVERLESS_FUNCTION).forEach((id, r) -> {
      if (r.properties().get("FunctionUrlConfig") != null) {
        HttpServer url = ApiGateway.bind(0);
        urlServers.put(id, url);
        stack.functionUrl(id, URI.create("http://127.0.0.1:" + url.getAddress().getPort() + "/"));
      }
    });
    Map<String, FunctionSpec> specs = FunctionSpec.all(stack);
    for (String id : o.environment().keySet()) {
      if (!specs.containsKey(id)) {
        throw new LocalException("--env " + id + ".…: no function " + id + "; functions: " + String.join(", ", specs.keySet()));
      }
    }
    List<Route> routes = new ArrayList<>();
    List<LocalSns.Subscription> topicSubscriptions = new ArrayList<>();
    List<LocalEventBridge.Rule> busRules = new ArrayList<>();
    specs.forEach((id, spec) -> spec.events().forEach((name, e) -> event(id, name, e, routes, topicSubscriptions,
        busRules, o.clockSpeed())));
    eventsRules(specs, busRules, o.clockSpeed());
    sns = LocalSns.start(stack, topicSubscriptions, sqs == null ? null : sqs.client, this::deliver, log);
    eventBridge = new LocalEventBridge(stack, busRules, this::deliver, log);
    Map<String, URI> services = new LinkedHashMap<>();
    services.put("s3", s3.endpoint);
    if (dynamo != null) {
      services.put("dynamodb", dynamo.endpoint);
    }
    if (sqs != null) {
      services.put("sqs", sqs.endpoint);
    }
    services.put("sns", sns.endpoint);
    services.put("eventbridge", eventBridge.endpoint);
    if (kinesis != null) {
      services.put("kinesis", kinesis.endpoint);
    }
    refuser = new NoLocalService(List.copyOf(services.keySet()), log);
    Map<String, String> base = new LinkedHashMap<>();
    base.put("AWS_REGION", LocalStack.REGION);
    base.put("AWS_DEFAULT_REGION", LocalStack.REGION);
    base.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    base.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    // Every service the SDK knows goes to the refuser unless a local server of its own is named.
    base.put("AWS_ENDPOINT_URL", refuser.endpoint.toString());
    if (kinesis != null) {
      // SDKs speak JSON to kinesalite (v2, then v1): its CBOR answers to GetRecords are not what they read, and
      // the relays that judge calls read JSON.
      base.put("CBOR_ENABLED", "false");
      base.put("AWS_CBOR_DISABLE", "true");
    }
    services.forEach((service, uri) -> base.put(endpointVariable(service), uri.toString()));
    Map<String, String> names = new LinkedHashMap<>();
    for (String type : List.of("AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::SQS::Queue", "AWS::SNS::Topic",
        "AWS::Events::EventBus", KinesisEvent.STREAM)) {
      stack.ofType(type).keySet().forEach(r -> names.put(String.valueOf(stack.getAtt(r, "Arn")), r));
    }
    specs.forEach((id, spec) -> {
      Map<String, String> env = new LinkedHashMap<>(spec.environment());
      env.putAll(o.environment().getOrDefault(id, Map.of()));
      pools.put(id, new FunctionPool(spec.with(env, o.classpath()), ric,
          audited(id, base, services, names, o.enforcePermissions()), log, o.maxJvmsPerFunction()));
    });
    pollers.forEach(p -> {
      Thread t = new Thread(p, "event-source-mapping");
      t.setDaemon(true);
      t.start();
    });
    api = new ApiGateway(apiServer, routes, cors(), apiKey, o.staticDir(), this::function,
        authorization(routes, o.template()), log);
    // A function URL knows no authorizer but AWS_IAM: no issuer to publish.
    Authorization signedUrls = new Authorization(null, Set.of(), 0, this::function);
    urlServers.forEach((id, url) -> functionUrls.put(id, functionUrl(id, url, signedUrls)));
    invokeApi = new InvokeEndpoint(this::function);
    watchCode();
  }

  /**
   * {@code base} with the function's own way to each service, through which its calls are held against its
   * policies: one outside them is told once per action and resource, and with {@code enforce} refused, as IAM
   * refuses it on AWS. A function whose policies hold what cannot be judged here (a SAM policy template, a
   * managed policy) goes straight. {@code names}: the stack's resources by their local ARNs, for the log.
   */
  private Map<String, String> audited(String id, Map<String, String> base, Map<String, URI> services,
      Map<String, String> names, boolean enforce) {
    Resource function = stack.ofType(Resource.SERVERLESS_FUNCTION).get(id);
    // A role of the template (the scoped one the link step writes) holds the function's policies; another role
    // of its own is not read here.
    boolean ownRole = function != null && function.properties().get("Role") != null
        && Permissions.templateRole(function, stack.template) == null;
    Value policies = function == null ? null : new Value.Seq(Permissions.policies(function, stack.template));
    CallPolicy policy = ownRole ? null : CallPolicy.of(policies == null ? null : stack.evaluate(policies));
    if (policy == null) {
      log.println("stratus-local: " + id + (ownRole ? " has a Role of its own" : " has policies that cannot be checked"
          + " here") + "; its AWS calls are not checked");
      return base;
    }
    Set<String> told = ConcurrentHashMap.newKeySet();
    Map<String, String> out = new LinkedHashMap<>(base);
    services.forEach((service, uri) -> {
      if (!"http".equals(uri.getScheme())) {
        return; // a service of the user's over TLS (--dynamodb-endpoint https://…): its requests cannot be read
      }
      AuditRelay relay = new AuditRelay(id, service, uri, call -> {
        if (policy.allows(call)) {
          return true;
        }
        String resource = describe(call.arn(), names);
        if (told.add(call.action() + " " + resource.replaceFirst("/.*", ""))) {
          log.println("stratus-local: " + id + " called " + call.action() + (resource.isEmpty() ? "" : " on " + resource)
              + ", not in its uses or policies" + (enforce ? "; refused (--enforce-permissions)" : ""));
        }
        return false;
      }, enforce);
      relays.add(relay);
      out.put(endpointVariable(service), relay.endpoint.toString());
    });
    return out;
  }

  /** The variable the SDK reads a service's endpoint from: {@code AWS_ENDPOINT_URL_DYNAMODB}. */
  private static String endpointVariable(String service) {
    return "AWS_ENDPOINT_URL_" + service.toUpperCase(Locale.ROOT);
  }

  /** An ARN by the logical id it has here: {@code StorageBucket/uploads/a}, {@code FilesTable}; else as it is. */
  private static String describe(String arn, Map<String, String> names) {
    if (arn == null) {
      return "";
    }
    for (Map.Entry<String, String> n : names.entrySet()) {
      if (arn.equals(n.getKey())) {
        return n.getValue();
      }
      if (arn.startsWith(n.getKey() + "/")) {
        return n.getValue() + arn.substring(n.getKey().length());
      }
    }
    return arn;
  }

  /**
   * The API's authorizers. JWT and Cognito ones take the tokens of one local issuer, whose key is kept next to the
   * template for {@code stratus-local token}; each says once which issuer it stands in for, and how to mint a token.
   */
  private Authorization authorization(List<Route> routes, Path template) {
    int port = apiServer.getAddress().getPort();
    Map<String, Authorizer.Bearer> bearers = new LinkedHashMap<>();
    Map<String, Set<String>> scopes = new LinkedHashMap<>();
    for (Route r : routes) {
      if (r.authorizer() instanceof Authorizer.Bearer b) {
        bearers.putIfAbsent(b.issuerPath(), b);
        scopes.computeIfAbsent(b.issuerPath(), n -> new LinkedHashSet<>()).addAll(b.scopes());
      }
    }
    bearers.forEach((path, b) -> log.println("stratus-local: " + (b.cognito() ? "Cognito authorizer " + b.name()
        + ": user pool " : "JWT authorizer " + b.name() + ": issuer ") + b.declared() + " is mapped to "
        + LocalIssuer.issuerUrl(port, path) + "; mint tokens with: stratus-local token --authorizer " + b.name()
        + (bearers.values().stream().filter(o -> o.name().equals(b.name())).count() > 1 ? " --api " + b.api() : "")
        + " --template " + template + " --sub alice" + String.join("", scopes.get(path).stream()
        .map(s -> " --scope " + s).toList())));
    return new Authorization(bearers.isEmpty() ? null : LocalIssuer.open(LocalIssuer.dir(template)), bearers.keySet(),
        port, this::function);
  }

  /**
   * Whether a child server that ended with {@code code} ended with serve: Ctrl-C signals the terminal's whole
   * process group, and the child may go before serve's own shutdown begins. A child ended by SIGINT or SIGTERM is
   * given a moment for that shutdown to show.
   */
  static boolean endedWithServe(int code) {
    if (code != 128 + 2 && code != 128 + 15) {
      return false;
    }
    for (int i = 0; i < 20; i++) {
      try {
        Thread probe = new Thread(() -> {});
        Runtime.getRuntime().addShutdownHook(probe);
        Runtime.getRuntime().removeShutdownHook(probe);
        Thread.sleep(50);
      } catch (IllegalStateException shuttingDown) {
        return true;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  /**
   * Rebuilt code reaches the next calls: its functions' warm JVMs are replaced. A jar (mvn package) is seen by
   * its time; a class folder (stratus:dev) by the folder's own, which stratus:dev sets after each compile.
   */
  private void watchCode() {
    Map<Path, Long> stamps = new LinkedHashMap<>();
    pools.values().forEach(p -> stamps.put(p.spec().code(), modified(p.spec().code())));
    scheduler.scheduleWithFixedDelay(() -> stamps.replaceAll((code, before) -> {
      long now = modified(code);
      if (now != before && now != 0) {
        pools.values().stream().filter(p -> p.spec().code().equals(code)).forEach(FunctionPool::recycle);
        log.println("stratus-local: " + code.getFileName() + " was rebuilt; its functions' JVMs are replaced");
      }
      return now == 0 ? before : now;
    }), WATCH_MILLIS, WATCH_MILLIS, TimeUnit.MILLISECONDS);
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0; // being rewritten
    }
  }

  /** Wires one event of a function to what triggers it here; kinds not run locally say so. */
  private void event(String function, String name, SamEvent event, List<Route> routes,
      List<LocalSns.Subscription> topicSubscriptions, List<LocalEventBridge.Rule> busRules, double clockSpeed) {
    event.accept(new SamEvent.Visitor<Void>() {
      public Void api(ApiEvent e) {
        boolean keyed = e.apiKeyRequired() != null && Boolean.TRUE.equals(stack.evaluate(e.apiKeyRequired()));
        routes.add(Route.of(text(e.method(), "Method"), text(e.path(), "Path"), function, e.api(), keyed,
            stage(e.api()), null, ApiAuth.of(stack, e)));
        return null;
      }

      public Void httpApi(HttpApiEvent e) {
        Value version = e.properties().get("PayloadFormatVersion");
        String path = e.path() == null ? "$default" : text(e.path(), "Path");
        routes.add(Route.of(e.method() == null ? "ANY" : text(e.method(), "Method"),
            path.equals("$default") ? "/{proxy+}" : path, function, e.api(), false, "$default",
            version == null ? "2.0" : text(version, "PayloadFormatVersion"), ApiAuth.of(stack, e)));
        return null;
      }

      public Void s3(S3Event e) {
        Object events = stack.evaluate(e.events());
        List<String> names = events instanceof List<?> l ? l.stream().map(String::valueOf).toList()
            : List.of(String.valueOf(events));
        String prefix = "";
        String suffix = "";
        if (e.keyRules() != null && stack.evaluate(e.keyRules()) instanceof List<?> rules) {
          for (Object rule : rules) {
            Map<?, ?> r = (Map<?, ?>) rule;
            if ("prefix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
              prefix = String.valueOf(r.get("Value"));
            } else if ("suffix".equalsIgnoreCase(String.valueOf(r.get("Name")))) {
              suffix = String.valueOf(r.get("Value"));
            }
          }
        }
        subscriptions.add(new S3Subscription(function, text(e.bucket(), "Bucket"), names, prefix, suffix, name));
        return null;
      }

      public Void schedule(ScheduleEvent e) {
        if (disabled(e.enabled())
            || e.state() != null && "DISABLED".equals(String.valueOf(stack.evaluate(e.state())))) {
          return null;
        }
        String expression = text(e.expression(), "the schedule expression");
        ZoneId zone = e.timezone() == null ? ZoneOffset.UTC
            : ZoneId.of(text(e.timezone(), "ScheduleExpressionTimezone"));
        byte[] payload = e.input() != null ? String.valueOf(stack.evaluate(e.input())).getBytes(
            StandardCharsets.UTF_8) : null;
        Runnable fire = () -> deliver(function, payload != null ? payload
            : Events.scheduled(stack.stackName + "-" + function + name));
        fireOn(function + "/" + name + " (" + expression + (e.timezone() == null ? "" : " " + zone) + ")",
            expression, zone, fire, clockSpeed);
        return null;
      }

      public Void sqs(SqsEvent e) {
        if (sqs == null) {
          log.println("stratus-local: " + function + "/" + name + ": the queue " + text(e.queue(), "Queue")
              + " is not one of this template's; invoke the function instead");
          return null;
        }
        if (disabled(e.properties().get("Enabled"))) {
          return null;
        }
        String arn = text(e.queue(), "Queue");
        int batch = number(e.batchSize(), DEFAULT_SQS_BATCH);
        pollers.add(new SqsPoller(function, () -> pools.get(function), sqs.client,
            stack.queueUrl(arn.substring(arn.lastIndexOf(':') + 1)), arn, batch, reportsFailures(e), log));
        return null;
      }

      public Void sns(SnsEvent e) {
        Value policy = e.properties().get("FilterPolicy");
        Value scope = e.properties().get("FilterPolicyScope");
        String topic = text(e.topic(), "Topic");
        topicSubscriptions.add(new LocalSns.Subscription(topic, function, null,
            policy == null ? null : FilterPolicy.of(stack.evaluate(policy), scope == null ? null : stack.evaluate(scope)),
            false, topic + ":" + function + name));
        return null;
      }

      public Void eventBridge(EventBridgeRuleEvent e) {
        if (e.properties().get("State") != null && !"ENABLED".equals(text(e.properties().get("State"), "State"))) {
          return null;
        }
        // As written: evaluating would make its numbers text, and a pattern holds no intrinsics.
        Object pattern = e.pattern() == null ? null : EventPattern.plain(e.pattern());
        if (!(pattern instanceof Map<?, ?> p)) {
          throw new LocalException(function + "/" + name + ": the rule's Pattern is no mapping");
        }
        busRules.add(new LocalEventBridge.Rule(function, e.bus() == null ? "default"
            : LocalEventBridge.busName(text(e.bus(), "EventBusName")), p, name));
        return null;
      }

      public Void dynamoDb(DynamoDbStreamEvent e) {
        StreamLog stream = e.resource() == null || dynamo == null ? null
            : dynamo.stream(stack.physicalName(e.resource()));
        if (stream == null) {
          log.println("stratus-local: " + function + "/" + name + ": the stream " + text(e.stream(), "Stream")
              + " is not a stream of this template's tables; invoke the function instead");
          return null;
        }
        if (disabled(e.properties().get("Enabled"))) {
          return null;
        }
        pollers.add(new ShardPoller<>(function, () -> pools.get(function),
            stream.reader(fromStart(e.startingPosition()), windowMillis(e)),
            number(e.batchSize(), DynamoDbStreamEvent.DEFAULT_BATCH_SIZE), maximumRetryAttempts(e), reportsFailures(e),
            log));
        return null;
      }

      public Void kinesis(KinesisEvent e) {
        if (e.resource() == null || kinesis == null) {
          log.println("stratus-local: " + function + "/" + name + ": the stream " + text(e.stream(), "Stream")
              + " is not a stream of this template; invoke the function instead");
          return null;
        }
        if (disabled(e.properties().get("Enabled"))) {
          return null;
        }
        String stream = stack.physicalName(e.resource());
        String arn = text(e.stream(), "Stream");
        ShardIteratorType start = ShardIteratorType.fromValue(text(e.startingPosition(), "StartingPosition"));
        Value at = e.properties().get("StartingPositionTimestamp");
        Instant timestamp = at == null ? null : Instant.ofEpochMilli(
            new BigDecimal(text(at, "StartingPositionTimestamp")).movePointRight(3).longValue());
        for (String shard : kinesis.shardIds(stream)) {
          pollers.add(new ShardPoller<>(function, () -> pools.get(function), new KinesisShard(kinesis.client, stream,
              arn, shard, start, timestamp, windowMillis(e)),
              number(e.batchSize(), KinesisEvent.DEFAULT_BATCH_SIZE), maximumRetryAttempts(e), reportsFailures(e), log));
        }
        return null;
      }

      public Void other(OtherEvent e) {
        return notRunLocally(e);
      }

      private Void notRunLocally(SamEvent e) {
        log.println("stratus-local: " + function + "/" + name + ": " + e.type() + " events are not run locally;"
            + " invoke the function instead");
        return null;
      }
    });
  }

  private static RuntimeException withSuppressed(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    first.addSuppressed(next);
    return first;
  }

  /** What a service started on another thread gave, or the error it ended with. */
  private static <T> T joined(CompletableFuture<T> starting) {
    try {
      return starting.join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private boolean fromStart(Value startingPosition) {
    return "TRIM_HORIZON".equals(text(startingPosition, "StartingPosition"));
  }

  private long windowMillis(SamEvent e) {
    return number(e.properties().get("MaximumBatchingWindowInSeconds"), 0) * 1000L;
  }

  private int maximumRetryAttempts(SamEvent e) {
    return number(e.properties().get("MaximumRetryAttempts"), -1);
  }

  private boolean reportsFailures(SamEvent e) {
    Value types = e.properties().get("FunctionResponseTypes");
    return types != null && stack.evaluate(types) instanceof List<?> l && l.contains("ReportBatchItemFailures");
  }

  private int number(Value v, int otherwise) {
    return v == null ? otherwise : Integer.parseInt(String.valueOf(stack.evaluate(v)));
  }

  private boolean disabled(Value enabled) {
    return enabled != null && "false".equals(String.valueOf(stack.evaluate(enabled)));
  }

  private String text(Value v, String what) {
    if (v == null) {
      throw new LocalException("an event lacks " + what);
    }
    return String.valueOf(stack.evaluate(v));
  }

  private String stage(String apiId) {
    dev.stratus.template.Resource r = stack.resources.get(apiId);
    return r != null && r.properties().get("StageName") != null
        ? String.valueOf(stack.evaluate(r.properties().get("StageName"))) : SamNames.DEFAULT_STAGE;
  }

  /**
   * A function URL on a port of its own, as Lambda serves one: every method and path, payload 2.0, CORS as its
   * config says. {@code AWS_IAM}: a request must be signed (SigV4, service {@code lambda}) with the local keys,
   * or it gets Lambda's 403.
   */
  private ApiGateway functionUrl(String id, HttpServer server, Authorization authorization) {
    String urlId = FunctionUrlConfig.resourceId(id);
    FunctionUrlConfig config = FunctionUrlConfig.of((Map<?, ?>) stack.evaluate(
        stack.ofType(Resource.SERVERLESS_FUNCTION).get(id).properties().get("FunctionUrlConfig")));
    Map<String, ApiGateway.Cors> cors = new LinkedHashMap<>();
    if (config.cors() != null) {
      FunctionUrlConfig.Cors c = config.cors();
      cors.put(urlId, new ApiGateway.Cors(String.join(",", c.allowOrigins()), c.allowMethods().isEmpty() ? null
          : String.join(",", c.allowMethods()), c.allowHeaders().isEmpty() ? null : String.join(",", c.allowHeaders()),
          c.maxAge() > 0 ? Integer.toString(c.maxAge()) : null));
    }
    Authorizer signed = config.authType().equals("AWS_IAM") ? new Authorizer.Iam("lambda") : Authorizer.OPEN;
    return new ApiGateway(server, List.of(Route.functionUrl(id, urlId, signed)), cors, apiKey, null, this::function,
        authorization, log);
  }

  /** Each function URL's local address, by its function's logical id. */
  public Map<String, URI> functionUrls() {
    Map<String, URI> out = new LinkedHashMap<>();
    functionUrls.forEach((id, gateway) -> out.put(id, URI.create("http://127.0.0.1:" + gateway.port() + "/")));
    return out;
  }

  /** CORS per API, from the API's {@code Cors} or the {@code Globals.Api.Cors}. */
  private Map<String, ApiGateway.Cors> cors() {
    Map<String, ApiGateway.Cors> out = new LinkedHashMap<>();
    List<String> apis = new ArrayList<>(stack.ofType("AWS::Serverless::Api").keySet());
    apis.add(SamNames.IMPLICIT_REST_API);
    for (String id : apis) {
      Value cors = ApiCors.declared(List.of(stack.template), id, false);
      if (cors == null) {
        continue;
      }
      Object c = stack.evaluate(cors);
      if (c instanceof Map<?, ?> m) {
        out.put(id, new ApiGateway.Cors(unquote(m.get("AllowOrigin")), unquote(m.get("AllowMethods")),
            unquote(m.get("AllowHeaders")), unquote(m.get("MaxAge"))));
      } else {
        out.put(id, new ApiGateway.Cors(unquote(c), null, null, null));
      }
    }
    httpApiCors(out);
    return out;
  }

  /** An HTTP API's {@code CorsConfiguration} (lists, no inner quotes), or {@code true} for SAM's allow-all. */
  private void httpApiCors(Map<String, ApiGateway.Cors> out) {
    List<String> apis = new ArrayList<>(stack.ofType("AWS::Serverless::HttpApi").keySet());
    apis.add(SamNames.IMPLICIT_HTTP_API);
    for (String id : apis) {
      Value cors = ApiCors.declared(List.of(stack.template), id, true);
      Object c = cors == null ? null : stack.evaluate(cors);
      if (c instanceof Map<?, ?> m) {
        out.put(id, new ApiGateway.Cors(joined(m.get("AllowOrigins")), joined(m.get("AllowMethods")),
            joined(m.get("AllowHeaders")), m.get("MaxAge") == null ? null : String.valueOf(m.get("MaxAge"))));
      } else if (Boolean.TRUE.equals(c) || "true".equals(String.valueOf(c))) {
        out.put(id, new ApiGateway.Cors("*", "*", "*", null));
      }
    }
  }

  private static String joined(Object value) {
    return value instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList())
        : value == null ? null : String.valueOf(value);
  }

  private static String unquote(Object value) {
    return value == null ? null : ApiCors.unquote(String.valueOf(value));
  }

  /**
   * Fires {@code fire} on {@code expression} ({@code rate}, {@code cron}, {@code at}) in {@code zone} on the local
   * clock, and says when it fires next; {@code at} names it in the log.
   */
  private void fireOn(String at, String expression, ZoneId zone, Runnable fire, double clockSpeed) {
    ScheduleExpression parsed = ScheduleExpression.parse(expression);
    if (parsed instanceof ScheduleExpression.Rate rate) {
      long period = Math.max(1, (long) (rate.period().toMillis() / clockSpeed));
      scheduler.scheduleAtFixedRate(fire, period, period, TimeUnit.MILLISECONDS);
      return;
    }
    CronTimes cron = parsed instanceof ScheduleExpression.Cron c ? CronTimes.of(c.fields()) : null;
    UnaryOperator<ZonedDateTime> next = null; // the time after a firing, or null for none
    if (cron != null) {
      next = cron::next;
    } else if (parsed instanceof ScheduleExpression.At once) {
      ZonedDateTime when = once.time().atZone(zone);
      next = t -> when.isAfter(t) ? when : null;
    }
    ZonedDateTime first = next == null ? null : next.apply(clock.now().atZone(zone));
    if (first == null) {
      log.println("stratus-local: " + at + " fires only when invoked"
          + (parsed instanceof ScheduleExpression.At ? ": its time is past" : ""));
      return;
    }
    log.println("stratus-local: " + at + " fires next at " + first);
    fireAt(first, next, fire);
  }

  /**
   * The template's own {@code AWS::Events::Rule}s whose targets are its functions: a pattern's rule joins its
   * bus's rules (the event as it came: a target's {@code Input}, {@code InputPath} or transformer is not
   * applied), a schedule's fires on the local clock with its target's constant {@code Input}. Rules SAM makes
   * from events are the events' own, above.
   */
  private void eventsRules(Map<String, FunctionSpec> specs, List<LocalEventBridge.Rule> busRules, double clockSpeed) {
    Map<String, String> byArn = new LinkedHashMap<>();
    specs.keySet().forEach(id -> byArn.put(String.valueOf(stack.getAtt(id, "Arn")), id));
    stack.ofType("AWS::Events::Rule").forEach((id, rule) -> {
      Map<String, Value> p = rule.properties().entries();
      if (p.get("State") != null && text(p.get("State"), "State").equals("DISABLED")
          || !(p.get("Targets") instanceof Value.Seq targets)) {
        return;
      }
      for (Value target : targets.items()) {
        Value.Mapping t = target instanceof Value.Mapping m ? m : Value.Mapping.EMPTY;
        String function = t.get("Arn") == null ? null : byArn.get(text(t.get("Arn"), "Arn"));
        if (function == null) {
          continue;
        }
        byte[] input = t.get("Input") == null ? null : text(t.get("Input"), "Input").getBytes(StandardCharsets.UTF_8);
        if (p.get("EventPattern") != null && EventPattern.plain(p.get("EventPattern")) instanceof Map<?, ?> pattern) {
          busRules.add(new LocalEventBridge.Rule(function, p.get("EventBusName") == null ? "default"
              : LocalEventBridge.busName(text(p.get("EventBusName"), "EventBusName")), pattern, id));
        }
        if (p.get("ScheduleExpression") != null) {
          String expression = text(p.get("ScheduleExpression"), "ScheduleExpression");
          fireOn(id + " → " + function + " (" + expression + ")", expression, ZoneOffset.UTC,
              () -> deliver(function, input != null ? input : Events.scheduled(stack.physicalName(id))), clockSpeed);
        }
      }
    });
  }

  /** Runs {@code fire} at {@code when} on the local clock, then at each next time {@code next} gives. */
  private void fireAt(ZonedDateTime when, UnaryOperator<ZonedDateTime> next,
      Runnable fire) {
    long delay = clock.delayMillis(when.toInstant());
    scheduler.schedule(() -> {
      fire.run();
      ZonedDateTime after = next.apply(when);
      if (after != null) {
        fireAt(after, next, fire);
      }
    }, delay, TimeUnit.MILLISECONDS);
  }

  private void notify(NotifyingBlobStore.Change change) {
    for (S3Subscription s : subscriptions) {
      if (s.matches(change)) {
        deliver(s.function(), Events.s3(change, s.name()));
      }
    }
  }

  /** An asynchronous invocation, as S3, SNS and EventBridge make them: failures are logged, not returned. */
  private void deliver(String function, byte[] payload) {
    async.submit(() -> {
      try {
        Invocation.Result r = pools.get(function).invoke(payload);
        if (r.outcome() != Invocation.Outcome.OK) {
          log.println("[" + function + "] " + r.outcome() + ": " + new String(r.body(), StandardCharsets.UTF_8));
        }
      } catch (RuntimeException e) {
        log.println("[" + function + "] " + e.getMessage());
      }
    });
  }

  /** A function by logical id or by name. */
  FunctionPool function(String name) {
    FunctionPool pool = pools.get(name);
    if (pool == null) {
      pool = pools.values().stream().filter(p -> p.spec().name().equals(name)).findFirst().orElse(null);
    }
    if (pool == null) {
      throw new LocalException("no function " + name + (stack.template.resources().containsKey(name)
          ? " in this deployment: its condition does not hold" : "") + "; functions: "
          + String.join(", ", new java.util.TreeSet<>(pools.keySet())));
    }
    return pool;
  }

  public int port() {
    return api.port();
  }

  /** Whether a route of the stack needs {@code x-api-key}. */
  public boolean apiKeyed() {
    return api.keyed();
  }

  public URI s3Endpoint() {
    return s3.endpoint;
  }

  /** SQS, or null when the template has no queue. */
  public URI sqsEndpoint() {
    return sqs == null ? null : sqs.endpoint;
  }

  public URI snsEndpoint() {
    return sns.endpoint;
  }

  public URI eventBridgeEndpoint() {
    return eventBridge.endpoint;
  }

  /** Lambda's invoke API, for callers that show {@link #invokeToken()}. */
  public URI invokeEndpoint() {
    return invokeApi.endpoint;
  }

  public String invokeToken() {
    return invokeApi.token;
  }

  /** Where calls to services without a local server go, and are refused. */
  public URI refuserEndpoint() {
    return refuser.endpoint;
  }

  /** DynamoDB, or null when the template has no table and none was given. */
  public URI dynamoEndpoint() {
    return dynamo == null ? null : dynamo.endpoint;
  }

  /** Whether the DynamoDB endpoint records the changes of tables with streams. */
  boolean streamsRecorded() {
    return dynamo != null && dynamo.recordsStreams();
  }

  /** Kinesis, or null when the template has no stream. */
  public URI kinesisEndpoint() {
    return kinesis == null ? null : kinesis.endpoint;
  }

  public String apiKey() {
    return apiKey;
  }

  /** The local name of a bucket, table or function of the template. */
  public String physicalName(String logicalId) {
    return stack.physicalName(logicalId);
  }

  List<String> functionIds() {
    return List.copyOf(pools.keySet());
  }

  /** Invokes a function synchronously, as {@code aws lambda invoke} would. */
  Invocation.Result invoke(String function, byte[] payload) {
    return function(function).invoke(payload);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    pollers.forEach(EventSourceMapping::stop);
    async.shutdownNow();
    if (api != null) {
      api.close();
    } else if (apiServer != null) {
      apiServer.stop(0);
    }
    urlServers.forEach((id, url) -> {
      if (functionUrls.containsKey(id)) {
        functionUrls.get(id).close();
      } else {
        url.stop(0);
      }
    });
    pools.values().forEach(FunctionPool::close);
    relays.forEach(AuditRelay::close);
    for (AutoCloseable c : new AutoCloseable[] {invokeApi, sns, eventBridge, refuser, sqs}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception e) {
          log.println("stratus-local: " + e);
        }
      }
    }
    if (dynamo != null) {
      dynamo.close();
    }
    if (kinesis != null) {
      kinesis.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }
}
