package dev.stratus.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a typed handler method returns when a plain value (200 JSON) is not enough: another status,
 * headers, or no body. {@code Response.created(product).header("Location", "/products/" + product.id())}.
 */
public final class Response<T> {
  private final int status;
  private final Map<String, String> headers;
  private final T body;

  private Response(int status, Map<String, String> headers, T body) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    this.status = status;
    this.headers = headers;
    this.body = body;
  }

  public static <T> Response<T> ok(T body) {
    return new Response<>(200, Map.of(), body);
  }

  public static <T> Response<T> created(T body) {
    return new Response<>(201, Map.of(), body);
  }

  public static <T> Response<T> accepted(T body) {
    return new Response<>(202, Map.of(), body);
  }

  public static <T> Response<T> noContent() {
    return new Response<>(204, Map.of(), null);
  }

  /** A response with {@code status} and no body yet. */
  public static <T> Response<T> status(int status) {
    return new Response<>(status, Map.of(), null);
  }

  public <U> Response<U> body(U body) {
    return new Response<>(status, headers, body);
  }

  public Response<T> header(String name, String value) {
    Map<String, String> h = new LinkedHashMap<>(headers);
    h.put(name, value);
    return new Response<>(status, Collections.unmodifiableMap(h), body);
  }

  public int status() {
    return status;
  }

  public Map<String, String> headers() {
    return headers;
  }

  /** Null means no body. */
  public T body() {
    return body;
  }
}
