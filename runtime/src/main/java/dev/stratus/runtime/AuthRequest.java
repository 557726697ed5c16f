package dev.stratus.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The event API Gateway sends a Lambda authorizer, read once: a REST API's {@code TOKEN} or {@code REQUEST}
 * event, or an HTTP API's (payload 1.0 or 2.0). {@link #token()} is what identifies the caller; the request's
 * method, path, headers and query are there for a {@code REQUEST} authorizer to decide on.
 */
public final class AuthRequest {
  /** The error message that makes API Gateway answer 401 rather than 500. */
  static final String UNAUTHORIZED = "Unauthorized";

  private String type = "";
  private String version = "";
  private String token;
  private String arn = "";
  private String method = "";
  private String path = "";
  private List<String> identity = List.of();
  private final Map<String, String> headers = new HashMap<>();
  private final Map<String, String> query = new HashMap<>();
  private final Map<String, String> pathParameters = new HashMap<>();

  private AuthRequest() {}

  @SuppressWarnings("unchecked")
  public static AuthRequest parse(String event) {
    Map<String, Object> e = (Map<String, Object>) JsonReader.read(event, Codecs.ANY);
    AuthRequest r = new AuthRequest();
    r.type = text(e.get("type"));
    r.version = text(e.get("version"));
    r.arn = text(e.get("methodArn") != null ? e.get("methodArn") : e.get("routeArn"));
    r.method = text(e.get("httpMethod"));
    r.path = text(e.get("path") != null ? e.get("path") : e.get("rawPath"));
    if (e.get("requestContext") instanceof Map<?, ?> context && context.get("http") instanceof Map<?, ?> http) {
      r.method = text(http.get("method"));
    }
    strings(e.get("headers")).forEach((k, v) -> r.headers.put(k.toLowerCase(Locale.ROOT), v));
    r.query.putAll(strings(e.get("queryStringParameters")));
    r.pathParameters.putAll(strings(e.get("pathParameters")));
    if (e.get("identitySource") instanceof List<?> values) {
      r.identity = values.stream().map(AuthRequest::text).toList();
    } else if (e.get("identitySource") instanceof String joined && !joined.isEmpty()) {
      r.identity = List.of(joined.split(",", -1));
    }
    r.token = e.get("authorizationToken") instanceof String t ? t : null;
    return r;
  }

  private static String text(Object o) {
    return o == null ? "" : String.valueOf(o);
  }

  private static Map<String, String> strings(Object o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o instanceof Map<?, ?> m) {
      m.forEach((k, v) -> {
        if (v != null) {
          out.put(String.valueOf(k), String.valueOf(v));
        }
      });
    }
    return out;
  }

  /**
   * What identifies the caller, as sent ({@code Bearer } prefix included): a {@code TOKEN} event's token, else
   * {@code header}'s value (the first of {@code @Authorizer(headers)}), else the first identity source's. API
   * Gateway refuses a request without it before the authorizer runs; here it is then a 401.
   */
  public String token(String header) {
    String value = token != null && !token.isEmpty() ? token : header == null ? null : header(header);
    if (value == null || value.isEmpty()) {
      value = identity.isEmpty() ? null : identity.get(0);
    }
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(UNAUTHORIZED);
    }
    return value;
  }

  /** A header by name, any case; null when absent ({@code TOKEN} events carry none). */
  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String query(String name) {
    return query.get(name);
  }

  public String pathParameter(String name) {
    return pathParameters.get(name);
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
  }

  /** The ARN of the method or route called: {@code arn:aws:execute-api:region:account:api/stage/GET/orders}. */
  public String arn() {
    return arn;
  }

  /**
   * The answer API Gateway reads. An IAM policy for the whole API and stage, not only this route, since API
   * Gateway caches it for the identity and applies it to the caller's next routes; an HTTP API's simple
   * response beside it, for either setting of {@code EnableSimpleResponses}.
   */
  public String answer(AuthResult result) {
    boolean http = version.equals("2.0");
    if (result.unauthorizedCaller() && !http) {
      throw new IllegalStateException(UNAUTHORIZED);
    }
    Map<String, Object> reply = new LinkedHashMap<>();
    if (http) {
      reply.put("isAuthorized", result.allowed());
    }
    reply.put("principalId", result.principal());
    Map<String, Object> statement = new LinkedHashMap<>();
    statement.put("Action", "execute-api:Invoke");
    statement.put("Effect", result.allowed() ? "Allow" : "Deny");
    statement.put("Resource", wholeApi());
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("Version", "2012-10-17");
    policy.put("Statement", List.of(statement));
    reply.put("policyDocument", policy);
    if (!result.context().isEmpty()) {
      reply.put("context", result.context());
    }
    return JsonWriter.write(Codecs.ANY, reply);
  }

  /** {@code arn:…:api/stage/*} of this request's ARN; {@code *} without one. */
  private String wholeApi() {
    String[] parts = arn.split("/", 3);
    return parts.length < 2 ? "*" : parts[0] + "/" + parts[1] + "/*";
  }

  /** The type of event: {@code TOKEN} or {@code REQUEST}. */
  public String type() {
    return type;
  }
}
