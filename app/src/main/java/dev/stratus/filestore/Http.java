package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * API Gateway proxy events in and out: request bodies parsed with the caller's mistakes as 400s, results
 * and refusals as JSON, faults as a 500 that reveals nothing and is logged.
 */
final class Http {
  static final int MAX_IDS = 10;
  /** Reads and writes proxy events too: unknown fields (API Gateway adds some) ignored, absent ones left out. */
  static final ObjectMapper JSON = new ObjectMapper()
      .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
      .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL);
  private static final Map<String, String> HEADERS = Map.of(
      "Content-Type", "application/json",
      "Access-Control-Allow-Origin", "*");

  private Http() {}

  /** Runs {@code action} and turns its result, or what it threw, into a response. */
  static APIGatewayProxyResponseEvent respond(Supplier<Object> action) {
    try {
      return json(200, action.get());
    } catch (FileException e) {
      int status = switch (e.kind()) {
        case INVALID -> 400;
        case NOT_FOUND -> 404;
        case CONFLICT -> 409;
      };
      return json(status, Map.of("message", e.getMessage()));
    } catch (RuntimeException e) {
      System.err.println("internal error: " + e);
      e.printStackTrace();
      return json(500, Map.of("message", "internal error; the request may be retried"));
    }
  }

  /** {@code {"name": "..."}} → the name, as given. */
  static String name(APIGatewayProxyRequestEvent event) {
    JsonNode body = body(event);
    if (!body.isObject()) {
      throw FileException.invalid("the body must be a JSON object: {\"name\": \"report.pdf\"}");
    }
    JsonNode name = body.get("name");
    if (name == null || name.isNull()) {
      throw FileException.invalid("'name' is required: the file's name, e.g. {\"name\": \"report.pdf\"}");
    }
    if (!name.isTextual()) {
      throw FileException.invalid("'name' must be a string");
    }
    return name.textValue();
  }

  /** {@code ["id", ...]} → the ids: 1 to {@value #MAX_IDS} of them, each of the shape Filestore issues. */
  static List<String> ids(APIGatewayProxyRequestEvent event) {
    JsonNode body = body(event);
    if (!body.isArray()) {
      throw FileException.invalid("the body must be a JSON array of file ids: [\"id1\", \"id2\"]");
    }
    if (body.isEmpty() || body.size() > MAX_IDS) {
      throw FileException.invalid("send 1 to " + MAX_IDS + " ids; got " + body.size());
    }
    List<String> ids = new ArrayList<>();
    for (JsonNode id : body) {
      if (!id.isTextual() || !FileIds.isValid(id.textValue())) {
        throw FileException.invalid("not a file id: " + id + " (ids are 22 characters of A-Z, a-z, 0-9, '-', '_')");
      }
      ids.add(id.textValue());
    }
    return ids;
  }

  /** The path parameter {@code id}, checked for shape. */
  static String pathId(APIGatewayProxyRequestEvent event) {
    String id = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
    if (!FileIds.isValid(id)) {
      throw FileException.invalid("not a file id: '" + id + "' (ids are 22 characters of A-Z, a-z, 0-9, '-', '_')");
    }
    return id;
  }

  /** A query flag as the original API spells it: {@code ?deleted=yes}. */
  static boolean flag(APIGatewayProxyRequestEvent event, String name) {
    Map<String, String> query = event.getQueryStringParameters();
    return query != null && "yes".equalsIgnoreCase(query.get(name));
  }

  private static JsonNode body(APIGatewayProxyRequestEvent event) {
    String text = event.getBody();
    if (text == null || text.isBlank()) {
      throw FileException.invalid("the request has no body; send JSON");
    }
    if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw FileException.invalid("the body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static APIGatewayProxyResponseEvent json(int status, Object body) {
    try {
      return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(HEADERS)
          .withBody(JSON.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
