package dev.stratus.processor.glue;

/**
 * What a typed handler method returns and how it is answered: {@code VOID} a 204, {@code VALUE} a 200 of
 * JSON, {@code RESPONSE} a {@code Response<T>} as it says, {@code OPTIONAL} a 200 or a 404, {@code BYTES} a
 * 200 of the bytes. {@code type} is the JSON type of the body, null for none.
 */
public record Result(Kind kind, JsonType type) {
  public enum Kind { VOID, VALUE, RESPONSE, OPTIONAL, BYTES }
}
