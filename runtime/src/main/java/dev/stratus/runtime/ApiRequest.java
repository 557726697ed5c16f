package dev.stratus.runtime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An API Gateway proxy event, REST (payload 1.0) or HTTP API (payload 2.0), read once into what binding
 * needs. Header names are matched without regard to case, as HTTP wants; HTTP APIs join repeated query
 * parameters with commas, REST APIs list them apart, and both read here as lists.
 */
public final class ApiRequest {
  private String method = "";
  private String path = "";
  private String requestId = "";
  private final Map<String, String> pathParameters = new HashMap<>();
  private final Map<String, List<String>> query = new HashMap<>();
  private final Map<String, List<String>> headers = new HashMap<>();
  private String body;
  private boolean base64;
  private boolean v2;
  /** The verified token's claims (a JWT or Cognito authorizer's), and a Lambda authorizer's context. */
  private final Map<String, Object> claims = new HashMap<>();
  private final Map<String, Object> authContext = new HashMap<>();

  private ApiRequest() {}

  /** A request built by hand, for tests: {@code ApiRequest.of("GET", "/files/1")}. */
  public static ApiRequest of(String method, String path) {
    ApiRequest r = new ApiRequest();
    r.method = method;
    r.path = path;
    return r;
  }

  /** Reads the event's JSON; what binding does not need is skipped. */
  public static ApiRequest parse(String event) {
    ApiRequest r = new ApiRequest();
    JsonReader in = JsonReader.of(event);
    Map<String, String> single = new HashMap<>();
    Map<String, String> singleHeaders = new HashMap<>();
    boolean multiQuery = false;
    boolean multiHeaders = false;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.name()) {
        case "version" -> r.v2 = "2.0".equals(Codecs.STRING.read(in));
        case "httpMethod" -> r.method = orEmpty(Codecs.STRING.read(in));
        case "path", "rawPath" -> r.path = orEmpty(Codecs.STRING.read(in));
        case "pathParameters" -> putAll(r.pathParameters, Codecs.map(Codecs.STRING).read(in));
        case "queryStringParameters" -> putAll(single, Codecs.map(Codecs.STRING).read(in));
        case "multiValueQueryStringParameters" -> multiQuery |= putLists(r.query, in, false);
        case "headers" -> putAll(singleHeaders, Codecs.map(Codecs.STRING).read(in));
        case "multiValueHeaders" -> multiHeaders |= putLists(r.headers, in, true);
        case "cookies" -> {
          List<String> cookies = Codecs.list(Codecs.STRING).read(in);
          if (cookies != null && !cookies.isEmpty()) {
            singleHeaders.put("cookie", String.join("; ", cookies));
          }
        }
        case "body" -> r.body = Codecs.STRING.read(in);
        case "isBase64Encoded" -> r.base64 = Boolean.TRUE.equals(Codecs.BOOLEAN.read(in));
        case "requestContext" -> readContext(in, r);
        default -> in.skip();
      }
    }
    in.endObject();
    in.end();
    if (!multiQuery) {
      single.forEach((k, v) -> r.query.put(k, r.v2 ? List.of(v.split(",", -1)) : List.of(v)));
    }
    if (!multiHeaders) {
      singleHeaders.forEach((k, v) -> r.headers.put(k.toLowerCase(Locale.ROOT), List.of(v)));
    }
    return r;
  }

  private static void readContext(JsonReader in, ApiRequest r) {
    if (in.isNull()) {
      in.nul();
      return;
    }
    in.beginObject();
    while (in.hasNext()) {
      switch (in.name()) {
        case "requestId" -> r.requestId = orEmpty(Codecs.STRING.read(in));
        case "http" -> {
          Map<String, Object> http = Codecs.map(Codecs.ANY).read(in);
          if (http != null && http.get("method") instanceof String m) {
            r.method = m;
          }
        }
        case "authorizer" -> readAuthorizer(Codecs.map(Codecs.ANY).read(in), r);
        default -> in.skip();
      }
    }
    in.endObject();
  }

  /**
   * What the authorizer passed on: REST APIs put a Cognito token's claims under {@code claims} and a Lambda
   * authorizer's context beside {@code principalId}; HTTP APIs put them under {@code jwt.claims} and
   * {@code lambda} (payload 2.0) or as REST does (1.0).
   */
  private static void readAuthorizer(Map<String, Object> authorizer, ApiRequest r) {
    if (authorizer == null) {
      return;
    }
    Object claims = authorizer.get("jwt") instanceof Map<?, ?> jwt ? jwt.get("claims") : authorizer.get("claims");
    if (claims instanceof Map<?, ?> m) {
      m.forEach((k, v) -> r.claims.put(String.valueOf(k), v));
    }
    if (authorizer.get("lambda") instanceof Map<?, ?> lambda) {
      lambda.forEach((k, v) -> r.authContext.put(String.valueOf(k), v));
    } else if (claims == null) {
      authorizer.forEach((k, v) -> {
        if (!k.equals("integrationLatency") && !k.equals("iam")) {
          r.authContext.put(k, v);
        }
      });
    }
  }

  private static boolean putLists(Map<String, List<String>> into, JsonReader in, boolean lowerCase) {
    Map<String, List<String>> lists = Codecs.map(Codecs.list(Codecs.STRING)).read(in);
    if (lists == null || lists.isEmpty()) {
      return false;
    }
    lists.forEach((k, v) -> into.computeIfAbsent(lowerCase ? k.toLowerCase(Locale.ROOT) : k, x -> new ArrayList<>())
        .addAll(v));
    return true;
  }

  private static void putAll(Map<String, String> into, Map<String, String> from) {
    if (from != null) {
      from.forEach((k, v) -> {
        if (v != null) {
          into.put(k, v);
        }
      });
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  public ApiRequest pathParameter(String name, String value) {
    pathParameters.put(name, value);
    return this;
  }

  public ApiRequest query(String name, String value) {
    query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }

  public ApiRequest header(String name, String value) {
    headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(value);
    return this;
  }

  /** A claim of the caller's token, as a JWT or Cognito authorizer passes it on: text, or a list of texts. */
  public ApiRequest claim(String name, Object value) {
    claims.put(name, value);
    return this;
  }

  /** A value of the context a Lambda authorizer returned. */
  public ApiRequest authContext(String name, Object value) {
    authContext.put(name, value);
    return this;
  }

  public ApiRequest body(String text) {
    body = text;
    base64 = false;
    return this;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** API Gateway's id of the request, for logs; empty when the event has none. */
  public String requestId() {
    return requestId;
  }

  public boolean isHttpApi() {
    return v2;
  }

  public String pathParameter(String name) {
    return pathParameters.get(name);
  }

  public List<String> queryValues(String name) {
    return query.getOrDefault(name, List.of());
  }

  public List<String> headerValues(String name) {
    return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
  }

  /** A claim as text (a list's items joined by commas); null when the token has no such claim. */
  public String claimText(String name) {
    Object v = claims.get(name);
    return v == null ? null : v instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
        : String.valueOf(v);
  }

  /**
   * A multi-valued claim's values ({@code cognito:groups}): a list as it is; API Gateway's text of an array split,
   * {@code [a b]} from an HTTP API and {@code a,b} from a REST API. Empty when the token has no such claim.
   */
  public List<String> claimValues(String name) {
    Object v = claims.get(name);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    String text = String.valueOf(v).strip();
    if (text.startsWith("[") && text.endsWith("]")) {
      text = text.substring(1, text.length() - 1);
    }
    return java.util.Arrays.stream(text.split("[\\s,]+")).filter(t -> !t.isEmpty()).toList();
  }

  /** A Lambda authorizer's context value as text; null when it returned none. */
  public String authContextValue(String name) {
    Object v = authContext.get(name);
    return v == null ? null : String.valueOf(v);
  }

  /** The body as text, base64 decoded when the event says so; null when there is none. */
  public String bodyText() {
    return body == null ? null : base64 ? new String(bodyBytes(), StandardCharsets.UTF_8) : body;
  }

  public byte[] bodyBytes() {
    if (body == null) {
      return null;
    }
    return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
  }
}
