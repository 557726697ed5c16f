package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.jr.ob.JSON;
import dev.stratus.filestore.FileService.Declared;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * API Gateway proxy events in and out: request bodies parsed with the caller's mistakes as 400s, results
 * and refusals as JSON, faults as a 500 that reveals nothing and is logged.
 */
final class Http {
  static final int MAX_IDS = 10;
  static final int EXCERPT = 64;
  /** A media type, parameters allowed, as a browser's {@code File.type} gives it. */
  private static final Pattern MEDIA_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+( *;.*)?");
  /**
   * Reads and writes proxy events too: unknown fields (API Gateway adds some) ignored, absent ones left out.
   * Bodies come back as plain {@code Map}, {@code List}, {@code String}, number, boolean or {@code null}.
   */
  static final JSON JSON = com.fasterxml.jackson.jr.ob.JSON.std;
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

  /**
   * {@code {"name": "...", "size": 123, "type": "image/png"}} → what the client declares; {@code size} and
   * {@code type} are optional (the original clients send only the name).
   */
  static Declared declared(APIGatewayProxyRequestEvent event) {
    if (!(body(event) instanceof Map<?, ?> body)) {
      throw FileException.invalid("the body must be a JSON object: {\"name\": \"report.pdf\"}");
    }
    Object name = body.get("name");
    if (name == null) {
      throw FileException.invalid("'name' is required: the file's name, e.g. {\"name\": \"report.pdf\"}");
    }
    if (!(name instanceof String text)) {
      throw FileException.invalid("'name' must be a string");
    }
    Object size = body.get("size");
    if (size != null && !(size instanceof Number n && n.longValue() >= 0 && n.doubleValue() == n.longValue())) {
      throw FileException.invalid("'size' must be the file's size in bytes, a whole number; got " + excerpt(write(size)));
    }
    Object type = body.get("type");
    if (type != null && !(type instanceof String t && MEDIA_TYPE.matcher(t).matches())) {
      throw FileException.invalid("'type' must be a media type such as \"image/png\"; got " + excerpt(write(type)));
    }
    return new Declared(text, size == null ? null : ((Number) size).longValue(), (String) type);
  }

  /** {@code ["id", ...]} → the ids: 1 to {@value #MAX_IDS} of them, each of the shape Filestore issues. */
  static List<String> ids(APIGatewayProxyRequestEvent event) {
    if (!(body(event) instanceof List<?> body)) {
      throw FileException.invalid("the body must be a JSON array of file ids: [\"id1\", \"id2\"]");
    }
    if (body.isEmpty() || body.size() > MAX_IDS) {
      throw FileException.invalid("send 1 to " + MAX_IDS + " ids; got " + body.size());
    }
    List<String> ids = new ArrayList<>();
    for (Object id : body) {
      if (!(id instanceof String text) || !FileIds.isValid(text)) {
        throw FileException.invalid("not a file id: " + excerpt(write(id)) + " (ids are 22 characters of A-Z, a-z, 0-9, '-',"
            + " '_')");
      }
      ids.add(text);
    }
    return ids;
  }

  /** The path parameter {@code id}, checked for shape. */
  static String pathId(APIGatewayProxyRequestEvent event) {
    String id = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
    if (!FileIds.isValid(id)) {
      throw FileException.invalid("not a file id: '" + (id == null ? null : excerpt(id)) + "' (ids are 22 characters of"
          + " A-Z, a-z, 0-9, '-', '_')");
    }
    return id;
  }

  /** A query flag as the original API spells it: {@code ?deleted=yes}. */
  static boolean flag(APIGatewayProxyRequestEvent event, String name) {
    Map<String, String> query = event.getQueryStringParameters();
    return query != null && "yes".equalsIgnoreCase(query.get(name));
  }

  private static Object body(APIGatewayProxyRequestEvent event) {
    String text = event.getBody();
    if (text == null || text.isBlank()) {
      throw FileException.invalid("the request has no body; send JSON");
    }
    if (Boolean.TRUE.equals(event.getIsBase64Encoded())) {
      text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
    }
    try (JsonParser parser = JSON.getStreamingFactory().createParser(text)) {
      Object value = JSON.anyFrom(parser);
      if (parser.nextToken() != null) {
        throw FileException.invalid("the body holds more than one JSON value (more at column "
            + parser.currentTokenLocation().getColumnNr() + "); send one");
      }
      return value;
    } catch (JsonProcessingException e) {
      throw FileException.invalid("the body is not valid JSON: " + excerpt(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** At most {@value #EXCERPT} characters of what the caller sent: a refusal never echoes unbounded input. */
  static String excerpt(String text) {
    return text.length() <= EXCERPT ? text
        : text.substring(0, EXCERPT) + "… (" + text.length() + " characters)";
  }

  private static APIGatewayProxyResponseEvent json(int status, Object body) {
    return new APIGatewayProxyResponseEvent().withStatusCode(status).withHeaders(HEADERS).withBody(write(body));
  }

  /** {@code value} as JSON text; values are maps, lists, strings, numbers and booleans, so this cannot fail. */
  static String write(Object value) {
    try {
      return JSON.asString(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
