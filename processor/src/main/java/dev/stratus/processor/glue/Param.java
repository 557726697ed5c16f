package dev.stratus.processor.glue;

/**
 * One parameter of a typed handler method and where its value comes from. {@code key} is the path
 * parameter, query parameter or header name; {@code fallback} the text of a default, or null.
 */
public record Param(Source source, String name, String key, Shape shape, JsonType type, String fallback) {
  public enum Source { PATH, QUERY, HEADER, BODY, CONTEXT }

  /** One value, maybe none (an {@code Optional}), every value (a {@code List}); a body as JSON, text or bytes. */
  public enum Shape { ONE, OPTIONAL, LIST, TEXT, BYTES }
}
