package dev.stratus.runtime;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** What goes back to API Gateway: status, headers and body, written as a proxy response both payload versions take. */
public final class Reply {
  private static final String JSON = "application/json";

  private final int status;
  private final Map<String, String> headers;
  private final String body;
  private final boolean base64;

  private Reply(int status, Map<String, String> headers, String body, boolean base64) {
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.base64 = base64;
  }

  /** A 200 with {@code value} as JSON. */
  public static <T> Reply json(Codec<T> codec, T value) {
    return new Reply(200, contentType(JSON), JsonWriter.write(codec, value), false);
  }

  /** A 200 with the value as JSON, or a 404 when there is none. */
  public static <T> Reply optional(Codec<T> codec, java.util.Optional<T> value) {
    return value.isPresent() ? json(codec, value.get()) : error(404, "not found");
  }

  /** {@code response} with its body as JSON, or without a body when it has none. */
  public static <T> Reply of(Response<T> response, Codec<T> codec) {
    if (response == null) {
      throw new IllegalStateException("the method returned a null Response");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    if (response.body() != null) {
      headers.put("Content-Type", JSON);
    }
    headers.putAll(response.headers());
    String body = response.body() == null ? null : JsonWriter.write(codec, response.body());
    return new Reply(response.status(), headers, body, false);
  }

  /** Bytes as they are, for API Gateway to decode: a 200 of {@code application/octet-stream}. */
  public static Reply bytes(byte[] body) {
    return new Reply(200, contentType("application/octet-stream"), Base64.getEncoder().encodeToString(body), true);
  }

  public static Reply noContent() {
    return new Reply(204, new LinkedHashMap<>(), null, false);
  }

  /** {@code {"message": "..."}} with {@code status}. */
  public static Reply error(int status, String message) {
    JsonWriter w = new JsonWriter().beginObject().name("message").string(message).endObject();
    return new Reply(status, contentType(JSON), w.toString(), false);
  }

  static Reply badRequest(BindingException e) {
    JsonWriter w = new JsonWriter().beginObject().name("message").string(e.getMessage()).name("errors").beginArray();
    for (Binding.Failure f : e.failures()) {
      w.beginObject().name("in").string(f.in()).name("name").string(f.name()).name("problem").string(f.problem())
          .endObject();
    }
    w.endArray().endObject();
    return new Reply(400, contentType(JSON), w.toString(), false);
  }

  private static Map<String, String> contentType(String type) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", type);
    return h;
  }

  /** This reply with {@code name} set, unless the method set it already. */
  Reply withDefaultHeader(String name, String value) {
    headers.putIfAbsent(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** The body as sent to API Gateway: base64 text when {@link #isBase64Encoded()}; null for none. */
  public String body() {
    return body;
  }

  public boolean isBase64Encoded() {
    return base64;
  }

  /** The proxy response's JSON. */
  public String toJson() {
    JsonWriter w = new JsonWriter().beginObject().name("statusCode").number(status).name("headers").beginObject();
    headers.forEach((k, v) -> w.name(k).string(v));
    w.endObject();
    if (body != null) {
      w.name("body").string(body);
    }
    return w.name("isBase64Encoded").bool(base64).endObject().toString();
  }
}
