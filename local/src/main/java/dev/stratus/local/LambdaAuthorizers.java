package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * API Gateway's Lambda authorizers: the event it sends the function, the answer it reads back (an IAM policy, or an
 * HTTP API's simple one) and its cache of answers by the caller's identity. A cached policy is held against each
 * request's own ARN, so one that allows a route of a token allows no other route by being cached.
 */
final class LambdaAuthorizers {
  private static final String REST_DENY = "{\"Message\":\"User is not authorized to access this resource with an"
      + " explicit deny\"}";
  private static final String REST_NOT_ALLOWED = "{\"Message\":\"User is not authorized to access this resource\"}";

  /** What a policy says of one ARN: a Deny that matches wins over any Allow; matching neither is no allow either. */
  enum Verdict { ALLOW, DENY, NOT_ALLOWED }

  private record Answer(JsonNode json, Instant until) {}

  /** By authorizer and identity values. */
  private final Map<List<Object>, Answer> cache = new ConcurrentHashMap<>();
  private final Function<String, FunctionPool> functions;
  private final int port;

  LambdaAuthorizers(Function<String, FunctionPool> functions, int port) {
    this.functions = functions;
    this.port = port;
  }

  Authorization.Refusal admit(Authorizer.Lambda a, Route route, HttpExchange exchange, String path, ObjectNode event) {
    List<String> identity = new ArrayList<>();
    a.headers().forEach(h -> identity.add(exchange.getRequestHeaders().getFirst(h)));
    Map<String, List<String>> query = ApiGateway.query(exchange.getRequestURI().getRawQuery());
    a.queryStrings().forEach(q -> identity.add(query.containsKey(q) ? String.join(",", query.get(q)) : null));
    // A missing identity source is refused before the function is called, as is a token its expression refuses.
    if (identity.stream().anyMatch(v -> v == null || v.isEmpty())) {
      return unauthorized("authorizer " + a.name() + ": the identity source is missing");
    }
    if (a.validation() != null && !Pattern.matches(a.validation(), identity.get(0))) {
      return unauthorized("authorizer " + a.name() + ": the token does not match its ValidationExpression");
    }
    String arn = "arn:aws:execute-api:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT + ":" + route.api() + "/"
        + route.stage() + "/" + exchange.getRequestMethod().toUpperCase(Locale.ROOT) + path;
    boolean rest = route.payloadVersion() == null;
    // API Gateway caches per API: an answer for one API's routes is not one for another's.
    List<Object> key = List.of(route.api(), a, identity);
    Instant now = Instant.now();
    Answer cached = cache.get(key);
    JsonNode answer;
    if (cached != null && cached.until().isAfter(now)) {
      answer = cached.json();
    } else {
      Invocation.Result result = functions.apply(a.function()).invoke(Events.bytes(event(a, route, exchange, path,
          arn, identity)));
      String body = new String(result.body(), StandardCharsets.UTF_8);
      if (result.outcome() == Invocation.Outcome.ERROR
          && "Unauthorized".equals(json(body).path("errorMessage").asText())) {
        return unauthorized("the authorizer " + a.name() + " answered Unauthorized");
      }
      answer = result.outcome() == Invocation.Outcome.OK ? json(body) : null;
      if (answer == null || !answer.isObject()) {
        return failed(rest, "the authorizer " + a.name() + " failed or answered no JSON object: " + body);
      }
      if (a.ttlSeconds() > 0 && !identity.isEmpty()) {
        cache.put(key, new Answer(answer, now.plusSeconds(a.ttlSeconds())));
      }
    }
    ObjectNode context = answer.path("context").isObject() ? (ObjectNode) answer.get("context").deepCopy()
        : Events.JSON.createObjectNode();
    if (a.payload() == Authorizer.Payload.V2 && a.simpleResponses()) {
      if (!answer.path("isAuthorized").isBoolean()) {
        return failed(rest, "the authorizer " + a.name() + " answered no isAuthorized: " + answer);
      }
      if (!answer.get("isAuthorized").asBoolean()) {
        return new Authorization.Refusal(403, Authorization.FORBIDDEN, null, "the authorizer " + a.name()
            + " answered isAuthorized false");
      }
    } else {
      if (!answer.path("policyDocument").isObject()) {
        return failed(rest, "the authorizer " + a.name() + " answered no policyDocument: " + answer);
      }
      Verdict verdict = verdict(answer.get("policyDocument"), arn);
      if (verdict != Verdict.ALLOW) {
        return new Authorization.Refusal(403, !rest ? Authorization.FORBIDDEN : verdict == Verdict.DENY ? REST_DENY
            : REST_NOT_ALLOWED, null, "authorizer " + a.name() + ": its policy does not allow " + arn);
      }
    }
    ObjectNode requestContext = (ObjectNode) event.get("requestContext");
    if (rest) {
      ObjectNode authorizer = requestContext.putObject("authorizer");
      authorizer.set("principalId", answer.get("principalId"));
      authorizer.setAll(context);
    } else if (route.isHttpApiV2()) {
      requestContext.putObject("authorizer").set("lambda", context);
    } else {
      requestContext.set("authorizer", context);
    }
    return null;
  }

  /** The event API Gateway sends the authorizer: the route's request without its body, or a REST API's token. */
  private ObjectNode event(Authorizer.Lambda a, Route route, HttpExchange exchange, String path, String arn,
      List<String> identity) {
    if (a.payload() == Authorizer.Payload.TOKEN) {
      return Events.JSON.createObjectNode().put("type", "TOKEN").put("authorizationToken", identity.get(0))
          .put("methodArn", arn);
    }
    ObjectNode e;
    if (a.payload() == Authorizer.Payload.V2) {
      e = ApiGateway.requestV2(exchange, route, path, new byte[0], port);
      e.put("type", "REQUEST").put("routeArn", arn);
      ArrayNode sources = e.putArray("identitySource");
      identity.forEach(sources::add);
    } else {
      e = ApiGateway.request(exchange, route, path, new byte[0], exchange.getRequestHeaders().getFirst("x-api-key"));
      e.put("type", "REQUEST").put("methodArn", arn);
      if (a.payload() == Authorizer.Payload.V1) {
        e.put("identitySource", String.join(",", identity)).put("authorizationToken", String.join(",", identity));
      }
    }
    e.remove(List.of("body", "isBase64Encoded"));
    return e;
  }

  /**
   * IAM's evaluation of the returned policy for this request: a Deny that applies wins, else an Allow that applies.
   * {@code NotAction} and {@code NotResource} apply to what they do not name. A statement with a
   * {@code Condition}, which is not evaluated here, is taken to apply when it denies and not when it allows, so
   * that it never lets more through than API Gateway would.
   */
  static Verdict verdict(JsonNode policy, String arn) {
    Verdict verdict = Verdict.NOT_ALLOWED;
    for (JsonNode statement : each(policy.path("Statement")).toList()) {
      String effect = statement.path("Effect").asText();
      boolean deny = effect.equals("Deny");
      if (!deny && !effect.equals("Allow")) {
        continue;
      }
      boolean applies = statement.has("Condition") ? deny
          : names(statement, "Action", "execute-api:Invoke", true) && names(statement, "Resource", arn, false);
      if (applies && deny) {
        return Verdict.DENY;
      }
      if (applies) {
        verdict = Verdict.ALLOW;
      }
    }
    return verdict;
  }

  /** Whether the statement's {@code element} (or its {@code Not} form, negated) covers {@code value}. */
  private static boolean names(JsonNode statement, String element, String value, boolean anyCase) {
    if (statement.has("Not" + element)) {
      return each(statement.path("Not" + element)).noneMatch(x -> matches(x.asText(), value, anyCase));
    }
    return each(statement.path(element)).anyMatch(x -> matches(x.asText(), value, anyCase));
  }

  /** An IAM pattern against a value: {@code *} any run of characters, {@code ?} any one; actions in any case. */
  private static boolean matches(String pattern, String value, boolean anyCase) {
    StringBuilder regex = new StringBuilder();
    for (String literal : pattern.split("(?=[*?])|(?<=[*?])")) {
      regex.append(literal.equals("*") ? ".*" : literal.equals("?") ? "." : Pattern.quote(literal));
    }
    return Pattern.compile(regex.toString(), anyCase ? Pattern.CASE_INSENSITIVE | Pattern.DOTALL : Pattern.DOTALL)
        .matcher(value).matches();
  }

  /** A policy element that is one value or a list of them. */
  private static Stream<JsonNode> each(JsonNode node) {
    return node.isArray() ? StreamSupport.stream(node.spliterator(), false)
        : node.isMissingNode() || node.isNull() ? Stream.empty() : Stream.of(node);
  }

  private static JsonNode json(String body) {
    try {
      return Events.JSON.readTree(body);
    } catch (IOException e) {
      return Events.JSON.missingNode();
    }
  }

  private static Authorization.Refusal unauthorized(String reason) {
    return new Authorization.Refusal(401, Authorization.UNAUTHORIZED, null, reason);
  }

  /** An authorizer that failed: API Gateway tells the caller no more than a 500. */
  private static Authorization.Refusal failed(boolean rest, String reason) {
    return new Authorization.Refusal(500, rest ? "{\"message\": null}" : "{\"message\":\"Internal Server Error\"}",
        null, reason);
  }
}
