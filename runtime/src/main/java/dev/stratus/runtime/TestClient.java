package dev.stratus.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends requests and events to a class's typed methods in-process, through the glue Lambda runs: routing,
 * binding, JSON and error answers are the real ones, with no deployment and no server.
 *
 * <pre>{@code
 * TestClient client = TestClient.of(new Products(fakeRepository));
 * TestClient.Answer a = client.get("/products/42");
 * assertEquals(200, a.status());
 * }</pre>
 */
public final class TestClient {
  private static final String SAMPLE_ARN = "arn:aws:";
  private static final Routes<Object> NO_ROUTES = new Routes<>() {
    @Override
    public List<Endpoint<Object>> endpoints() {
      return List.of();
    }

    @Override
    public List<Listener<Object>> listeners() {
      return List.of();
    }
  };
  private final Object target;
  private final List<Routes.Endpoint<Object>> endpoints;
  private final List<Routes.Listener<Object>> listeners;
  private final List<String> logs;
  /** What an authorizer passed on for every request: the caller's claims, a Lambda authorizer's context. */
  private final Map<String, Object> claims;
  private final Map<String, Object> authContext;

  private TestClient(Object target, Routes<Object> routes) {
    this.target = target;
    this.endpoints = routes.endpoints();
    this.listeners = routes.listeners();
    this.logs = Collections.synchronizedList(new ArrayList<>());
    this.claims = Map.of();
    this.authContext = Map.of();
  }

  private TestClient(TestClient of, Map<String, ?> claims, Map<String, ?> authContext) {
    this.target = of.target;
    this.endpoints = of.endpoints;
    this.listeners = of.listeners;
    this.logs = of.logs;
    this.claims = Map.copyOf(claims);
    this.authContext = Map.copyOf(authContext);
  }

  /**
   * The same client calling as a caller whose verified token has {@code claims} (text, or a list of texts for
   * a claim such as {@code cognito:groups}), as a JWT or Cognito authorizer passes them to {@code @Claim}:
   * {@code client.withClaims(Map.of("sub", "alice")).get("/orders")}. The authorizer itself is not run here.
   */
  public TestClient withClaims(Map<String, ?> claims) {
    return new TestClient(this, claims, authContext);
  }

  /** The same client calling with the context a Lambda authorizer returned, for {@code @AuthContext}. */
  public TestClient withAuthContext(Map<String, ?> context) {
    return new TestClient(this, claims, context);
  }

  /**
   * Asks the {@code @Authorizer} method {@code method} about {@code token}, through its generated handler, as a
   * REST API's {@code TOKEN} authorizer would; answers what it decided.
   */
  public AuthResult authorize(String method, String token) {
    String event = JsonWriter.write(Codecs.ANY, Map.of("type", "TOKEN", "authorizationToken", token,
        "methodArn", "arn:aws:execute-api:" + LambdaEvents.REGION + ":" + LambdaEvents.ACCOUNT + ":test/test/GET/"));
    String reply;
    try {
      reply = send(method, Handler.AUTHORIZER, event);
    } catch (IllegalStateException e) {
      if (AuthRequest.UNAUTHORIZED.equals(e.getMessage())) {
        return AuthResult.unauthorized();
      }
      throw e;
    }
    Map<?, ?> answer = (Map<?, ?>) JsonReader.read(reply, Codecs.ANY);
    Map<?, ?> statement = (Map<?, ?>) ((List<?>) ((Map<?, ?>) answer.get("policyDocument")).get("Statement")).get(0);
    if (!"Allow".equals(statement.get("Effect"))) {
      return AuthResult.deny();
    }
    AuthResult result = AuthResult.allow(String.valueOf(answer.get("principalId")));
    if (answer.get("context") instanceof Map<?, ?> context) {
      for (Map.Entry<?, ?> e : context.entrySet()) {
        String key = String.valueOf(e.getKey());
        Object v = e.getValue();
        result = v instanceof Boolean b ? result.with(key, b)
            : v instanceof Number n ? result.with(key, n.longValue()) : result.with(key, String.valueOf(v));
      }
    }
    return result;
  }

  /** A client of {@code target}'s typed methods: what its class's generated {@code <Class>_Lambda.HANDLERS} lists. */
  @SuppressWarnings("unchecked")
  public static TestClient of(Object target) {
    Class<?> type = target.getClass();
    String pkg = type.getPackageName();
    String inPackage = type.getCanonicalName().substring(pkg.isEmpty() ? 0 : pkg.length() + 1);
    String glue = (pkg.isEmpty() ? "" : pkg + ".") + inPackage.replace('.', '_') + "_Lambda";
    Class<?> handlers;
    try {
      handlers = Class.forName(glue, true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException(type.getName() + " has no generated handlers (" + glue
          + "): does it have @CfFunction methods, compiled with the Stratus processor?", e);
    }
    try {
      return new TestClient(target, (Routes<Object>) handlers.getField("HANDLERS").get(null));
    } catch (NoSuchFieldException e) {
      if (Arrays.stream(handlers.getDeclaredClasses()).anyMatch(c -> c.getSimpleName().equals("Routing"))) {
        // An incremental build that did not rerun the processor after an upgrade keeps the old handlers.
        throw new IllegalArgumentException(glue + " was generated by another version of Stratus, without the "
            + "HANDLERS table this runtime reads: rebuild it (mvn clean verify)", e);
      }
      return new TestClient(target, NO_ROUTES); // only methods that take Lambda's event types, which Lambda reads
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What the calls logged through their {@link com.amazonaws.services.lambda.runtime.Context}'s logger, the
   * generated handlers' errors included (a failed SQS message: {@code ERROR SQS record … failed; …}), one entry
   * a call to {@code log}, oldest first: what Lambda would have written to CloudWatch, kept here, not printed.
   */
  public List<String> logs() {
    synchronized (logs) {
      return List.copyOf(logs);
    }
  }

  /** The answer to a request: status, headers and body as the API would send them. */
  public record Answer(int status, Map<String, String> headers, String body) {
    /** A header by name, without regard to case; null when absent. */
    public String header(String name) {
      for (Map.Entry<String, String> e : headers.entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
      return null;
    }

    /** The body read as JSON: maps, lists, strings, numbers and booleans. */
    public Object json() {
      return JsonReader.read(body, Codecs.ANY);
    }
  }

  /**
   * Sends SQS messages to the typed method {@code method} in one batch, as Lambda's poller would; returns
   * the bodies of those that failed (and would come back to the queue).
   */
  public List<String> sqs(String method, String... bodies) {
    List<LambdaEvents.SqsMessage> batch = new ArrayList<>();
    Map<String, String> byId = new LinkedHashMap<>();
    for (String body : bodies) {
      LambdaEvents.SqsMessage m = LambdaEvents.SqsMessage.of(body);
      batch.add(m);
      byId.put(m.messageId(), body);
    }
    String reply = send(method, EventSource.SQS, LambdaEvents.sqs(SAMPLE_ARN + "sqs:" + LambdaEvents.REGION + ":"
        + LambdaEvents.ACCOUNT + ":" + method, batch));
    List<String> failed = new ArrayList<>();
    Object ids = ((Map<?, ?>) JsonReader.read(reply, Codecs.ANY)).get("batchItemFailures");
    for (Object f : (List<?>) ids) {
      failed.add(byId.get(String.valueOf(((Map<?, ?>) f).get("itemIdentifier"))));
    }
    return failed;
  }

  /**
   * Puts records with {@code data} (each its text, JSON for a typed method) on one shard of a Kinesis stream for
   * the typed method {@code method}, in one batch; returns the data that Lambda would deliver again: the first
   * record that failed and those after it.
   */
  public List<String> kinesis(String method, String... data) {
    List<LambdaEvents.KinesisRecord> batch = new ArrayList<>();
    java.time.Instant now = java.time.Instant.now();
    for (int i = 0; i < data.length; i++) {
      batch.add(new LambdaEvents.KinesisRecord("key-" + i, data[i].getBytes(StandardCharsets.UTF_8),
          String.format("%056d", i + 1), "shardId-000000000000", now));
    }
    String reply = send(method, EventSource.KINESIS, LambdaEvents.kinesis(SAMPLE_ARN + "kinesis:" + LambdaEvents.REGION
        + ":" + LambdaEvents.ACCOUNT + ":stream/" + method, batch));
    List<?> failed = (List<?>) ((Map<?, ?>) JsonReader.read(reply, Codecs.ANY)).get("batchItemFailures");
    int first = data.length;
    for (Object f : failed) {
      first = Math.min(first, Integer.parseInt(String.valueOf(((Map<?, ?>) f).get("itemIdentifier"))) - 1);
    }
    return List.of(data).subList(first, data.length);
  }

  /** Publishes {@code message} to the typed method {@code method}; a failure is thrown, as Lambda would retry. */
  public void sns(String method, String message) {
    String topic = SAMPLE_ARN + "sns:" + LambdaEvents.REGION + ":" + LambdaEvents.ACCOUNT + ":" + method;
    send(method, EventSource.SNS, LambdaEvents.sns(topic + ":subscription", new LambdaEvents.SnsMessage(topic,
        java.util.UUID.randomUUID().toString(), null, message, Map.of())));
  }

  /** Tells the typed method {@code method} that {@code key} was created in {@code bucket}. */
  public void s3(String method, String bucket, String key, long size) {
    send(method, EventSource.S3, LambdaEvents.s3("ObjectCreated:Put", bucket, key, size,
        "0123456789abcdef0123456789abcdef", method));
  }

  /**
   * Puts an event on a bus for the typed method {@code method}, as its rule would deliver it: {@code detail} is
   * the event's JSON detail. The rule's pattern is not applied here; {@code stratus-local serve} applies it.
   */
  public void eventBridge(String method, String source, String detailType, String detail) {
    send(method, EventSource.EVENTBRIDGE, LambdaEvents.eventBridge(java.util.UUID.randomUUID().toString(), source,
        detailType, detail, List.of(), java.time.Instant.now()));
  }

  /**
   * Hands the typed method {@code method} one change of a table, as its stream delivers it: {@code keys} and the
   * images are plain JSON items ({@code {"id":"a"}}), an image null where the change has none. Answers whether
   * the record was handled; a failed one Lambda delivers again, from it on.
   */
  public boolean tableChange(String method, String eventName, String keys, String oldImage, String newImage) {
    String stream = SAMPLE_ARN + "dynamodb:" + LambdaEvents.REGION + ":" + LambdaEvents.ACCOUNT + ":table/" + method
        + "/stream/2026-01-01T00:00:00.000";
    String reply = send(method, EventSource.DYNAMODB, LambdaEvents.dynamoDb(stream, "NEW_AND_OLD_IMAGES",
        List.of(new LambdaEvents.StreamRecord(eventName, AttributeValues.of(keys),
            oldImage == null ? null : AttributeValues.of(oldImage), newImage == null ? null : AttributeValues.of(newImage),
            "100000000000000000001", java.time.Instant.now()))));
    return ((List<?>) ((Map<?, ?>) JsonReader.read(reply, Codecs.ANY)).get("batchItemFailures")).isEmpty();
  }

  /** Runs the scheduled typed method {@code method} with {@code input}, the JSON its schedule passes. */
  public void schedule(String method, String input) {
    send(method, "SCHEDULE", input);
  }

  /**
   * Sends {@code event}, the JSON Lambda would hand the function (see {@link LambdaEvents}), to the typed method
   * {@code method} of any event kind; answers what the function answers Lambda.
   */
  public String event(String method, String event) {
    for (Routes.Listener<Object> l : listeners) {
      if (l.method().equals(method)) {
        return call(l, event);
      }
    }
    throw noListener(method, "events");
  }

  private String send(String method, EventSource<?> source, String event) {
    return send(method, source.name(), event);
  }

  private String send(String method, String kind, String event) {
    for (Routes.Listener<Object> l : listeners) {
      if (l.method().equals(method) && l.trigger().equals(kind)) {
        return call(l, event);
      }
    }
    throw noListener(method, kind + " events");
  }

  private String call(Routes.Listener<Object> l, String event) {
    try {
      return l.call().call(target, event, new TestContext(l.method(), logs));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw Events.failed(e);
    }
  }

  private IllegalArgumentException noListener(String method, String what) {
    return new IllegalArgumentException(target.getClass().getSimpleName() + " has no typed method " + method
        + " for " + what);
  }

  public Answer get(String uri) {
    return request("GET", uri).send();
  }

  public Answer delete(String uri) {
    return request("DELETE", uri).send();
  }

  public Answer post(String uri, String json) {
    return request("POST", uri).body(json).send();
  }

  public Answer put(String uri, String json) {
    return request("PUT", uri).body(json).send();
  }

  /** A request to build: {@code client.request("GET", "/products?q=tea").header("x-api-key", "k").send()}. */
  public Request request(String method, String uri) {
    return new Request(method, uri);
  }

  /** One request under construction. */
  public final class Request {
    private final String method;
    private final String uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, Object> requestClaims = new LinkedHashMap<>(claims);
    private final Map<String, Object> requestContext = new LinkedHashMap<>(authContext);
    private String body;

    private Request(String method, String uri) {
      this.method = method;
      this.uri = uri;
    }

    public Request header(String name, String value) {
      headers.put(name, value);
      return this;
    }

    public Request body(String text) {
      body = text;
      return this;
    }

    /** A claim of the caller's verified token: see {@link TestClient#withClaims}. */
    public Request claim(String name, Object value) {
      requestClaims.put(name, value);
      return this;
    }

    /** A value of the Lambda authorizer's context: see {@link TestClient#withAuthContext}. */
    public Request authContext(String name, Object value) {
      requestContext.put(name, value);
      return this;
    }

    /**
     * Routes the request as API Gateway would. No route for the method and path is a 404 {@code Not Found} on
     * an HTTP API, and a 403 {@code Missing Authentication Token} on a REST API, whose routes then need keys or
     * not: API Gateway says nothing of which routes exist.
     */
    public Answer send() {
      int q = uri.indexOf('?');
      String path = q < 0 ? uri : uri.substring(0, q);
      List<Routes.Endpoint<Object>> onPath = new ArrayList<>();
      for (Routes.Endpoint<Object> e : endpoints) {
        Map<String, String> variables = match(e.path(), path);
        if (variables == null) {
          continue;
        }
        onPath.add(e);
        if (!e.method().equals(method) && !e.method().equals("ANY")) {
          continue;
        }
        ApiRequest request = ApiRequest.of(method, path);
        variables.forEach(request::pathParameter);
        if (q >= 0) {
          for (String pair : uri.substring(q + 1).split("&")) {
            if (!pair.isEmpty()) {
              int eq = pair.indexOf('=');
              request.query(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
          }
        }
        headers.forEach(request::header);
        requestClaims.forEach(request::claim);
        requestContext.forEach(request::authContext);
        if (body != null) {
          request.body(body);
        }
        Reply r = Api.cors(Api.answer(request, new TestContext(method + " " + e.path(), logs),
            (req, context) -> e.call().call(target, req, context)),
            e.allowOrigin());
        String text = r.body() == null ? null
            : r.isBase64Encoded() ? new String(Base64.getDecoder().decode(r.body()), StandardCharsets.ISO_8859_1)
            : r.body();
        return new Answer(r.status(), r.headers(), text);
      }
      boolean rest = !endpoints.isEmpty()
          && (onPath.isEmpty() ? endpoints : onPath).stream().noneMatch(Routes.Endpoint::httpApi);
      Reply miss = rest ? Reply.error(403, "Missing Authentication Token") : Reply.error(404, "Not Found");
      return new Answer(miss.status(), miss.headers(), miss.body());
    }
  }

  /** The path variables of {@code template} in {@code path}, or null when it does not match. */
  static Map<String, String> match(String template, String path) {
    String[] want = template.substring(1).split("/", -1);
    String[] got = path.substring(path.startsWith("/") ? 1 : 0).split("/", -1);
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < want.length; i++) {
      String w = want[i];
      if (w.startsWith("{") && w.endsWith("+}")) {
        if (i >= got.length) {
          return null;
        }
        List<String> rest = new ArrayList<>(List.of(got).subList(i, got.length));
        out.put(w.substring(1, w.length() - 2), String.join("/", rest));
        return out;
      }
      if (i >= got.length) {
        return null;
      }
      if (w.startsWith("{") && w.endsWith("}")) {
        if (got[i].isEmpty()) {
          return null;
        }
        out.put(w.substring(1, w.length() - 1), decode(got[i]));
      } else if (!w.equals(got[i])) {
        return null;
      }
    }
    return want.length == got.length ? out : null;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
