package dev.stratus.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A route's authorizer held against one request, as API Gateway holds it: refused with API Gateway's own status
 * and body, or let through with what the authorizer found in the function's event ({@code requestContext}). JWT
 * and Cognito tokens are checked against the local issuer that stands in for the template's, whose keys the API
 * port publishes.
 */
final class Authorization {
  static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";
  static final String MISSING_TOKEN = "{\"message\":\"Missing Authentication Token\"}";
  private static final String BAD_SIGNATURE = "{\"message\":\"The request signature we calculated does not match the"
      + " signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
      + " documentation for details.\"}";
  private static final Pattern JWKS = Pattern.compile("/\\.stratus/issuers/([^/]+)/\\.well-known/jwks\\.json");
  /** How a REST API's Cognito authorizer writes a token's times: as Java's {@code Date.toString()}. */
  private static final DateTimeFormatter COGNITO_TIME = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss 'UTC' yyyy",
      Locale.ROOT).withZone(ZoneOffset.UTC);

  /** API Gateway's answer instead of the function's; {@code challenge}: a WWW-Authenticate header, or null. */
  record Refusal(int status, String json, String challenge, String reason) {}

  private final LocalIssuer issuer;
  private final Set<String> issuers;
  private final int port;
  private final LambdaAuthorizers lambdas;

  /**
   * {@code issuer}: the local one, for the JWT and Cognito authorizers whose issuer paths are {@code issuers} (null
   * when there are none); {@code port}: the API's, in the issuers' URLs.
   */
  Authorization(LocalIssuer issuer, Set<String> issuers, int port, Function<String, FunctionPool> functions) {
    this.issuer = issuer;
    this.issuers = issuers;
    this.port = port;
    this.lambdas = new LambdaAuthorizers(functions, port);
  }

  /** The JWKS document of a local issuer when {@code path} is its address, else null. */
  String jwks(String path) {
    Matcher m = JWKS.matcher(path);
    return m.matches() && issuers.contains(m.group(1)) ? issuer.jwksJson() : null;
  }

  /**
   * Why {@code route}'s authorizer refuses the request, or null, having written what it found into {@code event},
   * the route's payload. {@code path}: decoded, as routes match it; {@code body}: as sent, for SigV4.
   */
  Refusal admit(Route route, HttpExchange exchange, String path, byte[] body, ObjectNode event) {
    Authorizer a = route.authorizer();
    if (a instanceof Authorizer.Iam iam) {
      return signed(iam, route, exchange, body, event);
    } else if (a instanceof Authorizer.Bearer bearer) {
      return bearer(bearer, route, exchange, event);
    } else if (a instanceof Authorizer.Lambda lambda) {
      return lambdas.admit(lambda, route, exchange, path, event);
    }
    return null;
  }

  private Refusal signed(Authorizer.Iam iam, Route route, HttpExchange exchange, byte[] body, ObjectNode event) {
    String refused = SigV4.refusal(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
        exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body, LocalServer.ACCESS_KEY,
        LocalServer.SECRET_KEY, iam.service(), Instant.now());
    if (refused != null) {
      // A function URL answers as Lambda does; an HTTP API says no more than Forbidden; a REST API tells an
      // unsigned request from a badly signed one.
      String json = iam.service().equals("lambda") ? "{\"Message\":\"Forbidden\"}" : route.payloadVersion() != null
          ? FORBIDDEN : exchange.getRequestHeaders().getFirst("Authorization") == null ? MISSING_TOKEN : BAD_SIGNATURE;
      return new Refusal(403, json, null, refused);
    }
    String user = LocalServer.ACCESS_KEY;
    String userArn = "arn:aws:iam::" + LocalStack.ACCOUNT + ":user/" + user;
    ObjectNode context = (ObjectNode) event.get("requestContext");
    if (route.payloadVersion() == null) {
      ((ObjectNode) context.get("identity")).put("accessKey", LocalServer.ACCESS_KEY)
          .put("accountId", LocalStack.ACCOUNT).put("caller", user).put("user", user).put("userArn", userArn);
    } else {
      context.putObject("authorizer").putObject("iam").put("accessKey", LocalServer.ACCESS_KEY)
          .put("accountId", LocalStack.ACCOUNT).put("callerId", user).putNull("cognitoIdentity")
          .putNull("principalOrgId").put("userArn", userArn).put("userId", user);
    }
    return null;
  }

  private Refusal bearer(Authorizer.Bearer b, Route route, HttpExchange exchange, ObjectNode event) {
    Jwt.Outcome outcome = Jwt.verify(exchange.getRequestHeaders().getFirst(b.header()), issuer.keys(),
        new Jwt.Rules(LocalIssuer.issuerUrl(port, b.issuerPath()), b.audiences(), b.cognito(), b.scopes()),
        Instant.now());
    if (outcome instanceof Jwt.Refused r) {
      // A REST API's Cognito authorizer says Unauthorized, and nothing more, for every refusal.
      if (b.cognito()) {
        return new Refusal(401, UNAUTHORIZED, null, r.reason());
      }
      return r.status() == 403
          ? new Refusal(403, FORBIDDEN, challenge(String.join(" ", b.scopes()), "insufficient_scope", r.reason()),
              r.reason())
          : new Refusal(401, UNAUTHORIZED, challenge("", "invalid_token", r.reason()), r.reason());
    }
    Map<String, Object> claims = ((Jwt.Verified) outcome).claims();
    ObjectNode shown = Events.JSON.createObjectNode();
    claims.forEach((name, value) -> shown.put(name, b.cognito() && (name.equals("exp") || name.equals("iat"))
        && value instanceof Number n ? COGNITO_TIME.format(Instant.ofEpochSecond(n.longValue()))
        : claim(value, b.cognito())));
    ObjectNode authorizer = ((ObjectNode) event.get("requestContext")).putObject("authorizer");
    if (route.payloadVersion() == null) {
      authorizer.set("claims", shown);
      return null;
    }
    ObjectNode jwt = route.isHttpApiV2() ? authorizer.putObject("jwt") : authorizer;
    jwt.set("claims", shown);
    List<String> scopes = Jwt.scopes(claims, false);
    if (scopes.isEmpty()) {
      jwt.putNull("scopes");
    } else {
      ArrayNode array = jwt.putArray("scopes");
      scopes.forEach(array::add);
    }
    return null;
  }

  private static String challenge(String scope, String error, String description) {
    return "Bearer scope=\"" + scope + "\" error=\"" + error + "\" error_description=\"" + description + "\"";
  }

  /** A claim as API Gateway shows it to the function: text, an array as {@code [a b]} (a REST API's {@code a,b}). */
  private static String claim(Object value, boolean rest) {
    if (value instanceof List<?> list) {
      List<String> items = list.stream().map(String::valueOf).toList();
      return rest ? String.join(",", items) : "[" + String.join(" ", items) + "]";
    }
    return value instanceof Map<?, ?> ? Events.JSON.valueToTree(value).toString() : String.valueOf(value);
  }
}
