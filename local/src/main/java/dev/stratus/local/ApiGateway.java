package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * API Gateway's REST proxy integration on one port, as {@code sam local start-api} serves it (no stage in
 * the path): routes with path parameters, CORS preflight as the template declares it, API keys, authorizers
 * ({@link Authorization}) and, optionally, static files. Lambda's invoke API is not here but on a port of its
 * own ({@link InvokeEndpoint}).
 */
final class ApiGateway implements AutoCloseable {
  /** {@code requestContext.time} of an HTTP API event: {@code 03/Dec/2026:11:55:18 +0000}. */
  private static final DateTimeFormatter REQUEST_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z",
      Locale.ROOT);

  /** CORS as a {@code AWS::Serverless::Api} declares it; values without SAM's inner quotes. */
  record Cors(String allowOrigin, String allowMethods, String allowHeaders, String maxAge) {}

  private final HttpServer server;
  private final Authorization authorization;
  private final List<Route> routes;
  private final Map<String, Cors> cors;
  private final String apiKey;
  private final Path staticDir;
  private final Function<String, FunctionPool> functions;
  private final PrintStream log;

  /**
   * The API's port, bound when serve starts, before the servers it starts on ephemeral ports could take it;
   * {@link ApiGateway} serves on it once the routes are known.
   */
  static HttpServer bind(int port) {
    try {
      return Loopback.create(port, "api-gateway");
    } catch (BindException e) {
      throw new LocalException("port " + port + " is in use; pass --port with a free one");
    } catch (IOException e) {
      throw new LocalException("cannot listen on port " + port + ": " + e.getMessage());
    }
  }

  ApiGateway(HttpServer server, List<Route> routes, Map<String, Cors> cors, String apiKey, Path staticDir,
      Function<String, FunctionPool> functions, Authorization authorization, PrintStream log) {
    this.server = server;
    this.authorization = authorization;
    this.routes = routes.stream().sorted(Comparator.comparingInt(Route::specificity).reversed()).toList();
    this.cors = cors;
    this.apiKey = apiKey;
    this.staticDir = staticDir == null ? null : staticDir.toAbsolutePath().normalize();
    this.functions = functions;
    this.log = log;
    server.createContext("/", this::handle);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  /** Whether a route needs the API key: without one, there is no key to tell. */
  boolean keyed() {
    return routes.stream().anyMatch(Route::apiKeyRequired);
  }

  private void handle(HttpExchange exchange) throws IOException {
    // The catch is inside: try-with-resources closes the exchange before its own catch could answer.
    try (exchange) {
      try {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String decodedPath = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        String jwks = method.equals("GET") ? authorization.jwks(decodedPath) : null;
        if (jwks != null) {
          Replies.json(exchange, 200, jwks);
          return;
        }
        List<Route> onPath = routes.stream().filter(r -> r.match(decodedPath) != null).toList();
        if (method.equals("OPTIONS") && !onPath.isEmpty() && onPath.stream().noneMatch(r -> r.method().equals("OPTIONS"))
            && cors.containsKey(onPath.get(0).api())) {
          preflight(exchange, cors.get(onPath.get(0).api()));
          return;
        }
        Route route = onPath.stream().filter(r -> r.matchesMethod(method)).findFirst().orElse(null);
        if (route == null) {
          if (method.equals("GET") && serveStatic(exchange, decodedPath)) {
            return;
          }
          // API Gateway tells no route from a wrong method: an HTTP API answers 404, a REST API 403.
          boolean rest = !routes.isEmpty()
              && (onPath.isEmpty() ? routes : onPath).stream().allMatch(r -> r.payloadVersion() == null);
          Replies.json(exchange, rest ? 403 : 404,
              rest ? Authorization.MISSING_TOKEN : "{\"message\":\"Not Found\"}");
          return;
        }
        String key = exchange.getRequestHeaders().getFirst("x-api-key");
        if (route.apiKeyRequired() && !apiKey.equals(key)) {
          Replies.json(exchange, 403, Authorization.FORBIDDEN);
          return;
        }
        proxy(exchange, route, decodedPath, key);
      } catch (RuntimeException e) {
        log.println("stratus-local: " + e);
        Replies.json(exchange, 500, "{\"message\":\"Internal server error\"}");
      }
    }
  }

  private void proxy(HttpExchange exchange, Route route, String path, String key) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    ObjectNode event = route.isHttpApiV2() ? requestV2(exchange, route, path, body, port())
        : request(exchange, route, path, body, key);
    Authorization.Refusal refused = authorization.admit(route, exchange, path, body, event);
    if (refused != null) {
      log.println("[" + route.function() + "] refused a request: " + refused.reason());
      if (refused.challenge() != null) {
        exchange.getResponseHeaders().set("WWW-Authenticate", refused.challenge());
      }
      Replies.json(exchange, refused.status(), refused.json());
      return;
    }
    Invocation.Result result = functions.apply(route.function()).invoke(Events.bytes(event));
    if (result.outcome() != Invocation.Outcome.OK) {
      log.println("[" + route.function() + "] " + (result.outcome() == Invocation.Outcome.TIMEOUT ? "timed out: " : "failed: ")
          + new String(result.body(), StandardCharsets.UTF_8));
      Replies.json(exchange, 502, "{\"message\":\"Internal server error\"}");
      return;
    }
    JsonNode response;
    try {
      response = Events.JSON.readTree(result.body());
    } catch (IOException e) {
      response = null;
    }
    boolean proxyShape = response != null && response.isObject() && response.path("statusCode").canConvertToInt();
    Headers headers = exchange.getResponseHeaders();
    if (route.payloadVersion() != null && cors.containsKey(route.api())
        && exchange.getRequestHeaders().getFirst("Origin") != null) {
      allowOrigin(headers, cors.get(route.api()), exchange.getRequestHeaders().getFirst("Origin"));
    }
    if (!proxyShape && route.isHttpApiV2()) {
      // Payload 2.0: any other answer is the body of a 200, as JSON.
      headers.set("Content-Type", "application/json");
      Replies.send(exchange, 200, result.body());
      return;
    }
    if (!proxyShape) {
      log.println("[" + route.function() + "] answered no proxy response (statusCode, headers, body): "
          + new String(result.body(), StandardCharsets.UTF_8));
      Replies.json(exchange, 502, "{\"message\":\"Internal server error\"}");
      return;
    }
    response.path("headers").fields().forEachRemaining(h -> headers.set(h.getKey(), h.getValue().asText()));
    response.path("multiValueHeaders").fields().forEachRemaining(h -> {
      headers.remove(h.getKey());
      h.getValue().forEach(v -> headers.add(h.getKey(), v.asText()));
    });
    response.path("cookies").forEach(c -> headers.add("Set-Cookie", c.asText()));
    JsonNode text = response.path("body");
    byte[] out = text.isMissingNode() || text.isNull() ? new byte[0]
        : response.path("isBase64Encoded").asBoolean() ? Base64.getDecoder().decode(text.asText())
        : text.asText().getBytes(StandardCharsets.UTF_8);
    Replies.send(exchange, response.get("statusCode").asInt(), out);
  }

  /** The HTTP API's payload 2.0 event ({@code APIGatewayV2HTTPEvent}) for this request to the API on {@code port}. */
  static ObjectNode requestV2(HttpExchange exchange, Route route, String path, byte[] body, int port) {
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String rawQuery = exchange.getRequestURI().getRawQuery();
    ObjectNode e = Events.JSON.createObjectNode()
        .put("version", "2.0")
        .put("routeKey", route.method().equals("ANY") && route.resourcePath().equals("/{proxy+}") ? "$default"
            : route.method() + " " + route.resourcePath())
        .put("rawPath", path)
        .put("rawQueryString", rawQuery == null ? "" : rawQuery);
    ObjectNode headers = e.putObject("headers");
    List<String> cookies = new ArrayList<>();
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (name.equalsIgnoreCase("Cookie")) {
        values.forEach(v -> cookies.addAll(Arrays.asList(v.split(";\\s*"))));
      } else {
        headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values));
      }
    });
    if (!cookies.isEmpty()) {
      ArrayNode array = e.putArray("cookies");
      cookies.forEach(array::add);
    }
    Map<String, List<String>> query = query(rawQuery);
    if (!query.isEmpty()) {
      ObjectNode q = e.putObject("queryStringParameters");
      query.forEach((k, values) -> q.put(k, String.join(",", values)));
    }
    Map<String, String> parameters = route.match(path);
    if (parameters != null && !parameters.isEmpty()) {
      ObjectNode p = e.putObject("pathParameters");
      parameters.forEach(p::put);
    }
    String requestId = UUID.randomUUID().toString();
    Instant now = Instant.now();
    ObjectNode context = e.putObject("requestContext")
        .put("accountId", LocalStack.ACCOUNT)
        .put("apiId", "local")
        .put("domainName", "127.0.0.1:" + port)
        .put("domainPrefix", "127")
        .put("requestId", requestId)
        .put("routeKey", e.get("routeKey").asText())
        .put("stage", "$default")
        .put("time", REQUEST_TIME.format(now.atZone(ZoneOffset.UTC)))
        .put("timeEpoch", now.toEpochMilli());
    context.putObject("http")
        .put("method", method)
        .put("path", path)
        .put("protocol", exchange.getProtocol())
        .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress())
        .put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"));
    body(e, exchange, body, false);
    return e;
  }

  /** The body as text, or base64 for binary types; REST's event says {@code null} where HTTP API's leaves it out. */
  private static void body(ObjectNode e, HttpExchange exchange, byte[] body, boolean nullWhenEmpty) {
    if (body.length == 0) {
      if (nullWhenEmpty) {
        e.putNull("body");
      }
      e.put("isBase64Encoded", false);
    } else if (isText(exchange.getRequestHeaders().getFirst("Content-Type"))) {
      e.put("body", new String(body, StandardCharsets.UTF_8));
      e.put("isBase64Encoded", false);
    } else {
      e.put("body", Base64.getEncoder().encodeToString(body));
      e.put("isBase64Encoded", true);
    }
  }

  /** The {@code APIGatewayProxyRequestEvent} API Gateway sends for this request. */
  static ObjectNode request(HttpExchange exchange, Route route, String path, byte[] body, String key) {
    ObjectNode e = Events.JSON.createObjectNode();
    if (route.payloadVersion() != null) {
      e.put("version", "1.0"); // an HTTP API's payload 1.0: REST's shape
    }
    e.put("resource", route.resourcePath())
        .put("path", path)
        .put("httpMethod", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
    ObjectNode headers = e.putObject("headers");
    ObjectNode multiHeaders = e.putObject("multiValueHeaders");
    exchange.getRequestHeaders().forEach((name, values) -> {
      headers.put(name, values.get(values.size() - 1));
      values.forEach(multiHeaders.putArray(name)::add);
    });
    Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
    if (query.isEmpty()) {
      e.putNull("queryStringParameters");
      e.putNull("multiValueQueryStringParameters");
    } else {
      ObjectNode single = e.putObject("queryStringParameters");
      ObjectNode multi = e.putObject("multiValueQueryStringParameters");
      query.forEach((k, values) -> {
        single.put(k, values.get(values.size() - 1));
        values.forEach(multi.putArray(k)::add);
      });
    }
    Map<String, String> parameters = route.match(path);
    if (parameters == null || parameters.isEmpty()) {
      e.putNull("pathParameters");
    } else {
      ObjectNode p = e.putObject("pathParameters");
      parameters.forEach(p::put);
    }
    e.putNull("stageVariables");
    String requestId = UUID.randomUUID().toString();
    ObjectNode context = e.putObject("requestContext")
        .put("accountId", LocalStack.ACCOUNT)
        .put("apiId", "local")
        .put("resourceId", "local")
        .put("resourcePath", route.resourcePath())
        .put("httpMethod", exchange.getRequestMethod().toUpperCase(Locale.ROOT))
        .put("path", "/" + route.stage() + path)
        .put("stage", route.stage())
        .put("protocol", exchange.getProtocol())
        .put("requestId", requestId)
        .put("extendedRequestId", requestId)
        .put("requestTimeEpoch", Instant.now().toEpochMilli());
    context.putObject("identity")
        .put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress())
        .put("userAgent", exchange.getRequestHeaders().getFirst("User-Agent"))
        .put("apiKey", key);
    body(e, exchange, body, true);
    return e;
  }

  private static boolean isText(String contentType) {
    if (contentType == null) {
      return true;
    }
    String type = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("text/") || type.equals("application/json") || type.endsWith("+json")
        || type.equals("application/xml") || type.endsWith("+xml") || type.equals("application/x-www-form-urlencoded")
        || type.equals("application/javascript");
  }

  /** A query string's parameters, decoded, each with its values in order. */
  static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  /**
   * {@code Access-Control-Allow-Origin} as API Gateway and Lambda write it: one origin of a list, the request's
   * when the list has it (a browser takes one origin or {@code *}, never a list), else none.
   */
  private static void allowOrigin(Headers h, Cors c, String origin) {
    List<String> allowed = List.of(c.allowOrigin().split("\\s*,\\s*"));
    if (allowed.size() == 1) {
      h.set("Access-Control-Allow-Origin", allowed.get(0));
    } else if (allowed.contains("*") || allowed.contains(origin)) {
      h.set("Access-Control-Allow-Origin", allowed.contains("*") ? "*" : origin);
    }
  }

  private void preflight(HttpExchange exchange, Cors c) throws IOException {
    Headers h = exchange.getResponseHeaders();
    allowOrigin(h, c, exchange.getRequestHeaders().getFirst("Origin"));
    if (c.allowMethods() != null) {
      h.set("Access-Control-Allow-Methods", c.allowMethods());
    }
    if (c.allowHeaders() != null) {
      h.set("Access-Control-Allow-Headers", c.allowHeaders());
    }
    if (c.maxAge() != null) {
      h.set("Access-Control-Max-Age", c.maxAge());
    }
    Replies.send(exchange, 200, new byte[0]);
  }

  private boolean serveStatic(HttpExchange exchange, String path) throws IOException {
    if (staticDir == null) {
      return false;
    }
    Path file = staticDir.resolve(path.substring(1)).normalize();
    if (Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    if (!file.startsWith(staticDir) || !Files.isRegularFile(file)) {
      return false;
    }
    exchange.getResponseHeaders().set("Content-Type", contentType(file));
    Replies.send(exchange, 200, Files.readAllBytes(file));
    return true;
  }

  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
      "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

  private static String contentType(Path file) throws IOException {
    String name = file.getFileName().toString();
    String known = CONTENT_TYPES.get(name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT));
    String probed = known != null ? known : Files.probeContentType(file);
    return probed != null ? probed : "application/octet-stream";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
