package dev.stratus.processor.glue;

/**
 * One parameter of a typed handler method and where its value comes from. {@code key} is the path
 * parameter, query parameter or header name, the event class a whole event is, or the runtime type of an
 * {@code ITEM}; {@code fallback} the text of a default, or null.
 */
public record Param(Source source, String name, String key, Shape shape, JsonType type, String fallback) {
  /**
   * {@code MESSAGE}: one record's item or a whole input; {@code EVENT}: the event as Lambda's type; {@code CLAIM},
   * {@code AUTH_CONTEXT}: what a route's authorizer passed on; {@code TOKEN}, {@code AUTH_REQUEST}: what an
   * {@code @Authorizer} method is asked about.
   */
  public enum Source { PATH, QUERY, HEADER, BODY, CONTEXT, MESSAGE, EVENT, CLAIM, AUTH_CONTEXT, TOKEN, AUTH_REQUEST }

  /**
   * One value, maybe none (an {@code Optional}), every value (a {@code List}); a body or message as JSON, text
   * (maybe none) or bytes; a record as the runtime's type for it ({@code S3Record}); a record in its kind's
   * envelope ({@code BusEvent<T>}, {@code type} T's, or null for text).
   */
  public enum Shape { ONE, OPTIONAL, LIST, TEXT, OPTIONAL_TEXT, BYTES, ITEM, ENVELOPE }
}
