package dev.stratus.runtime;

/**
 * How a typed method's result is answered: for a route, a 204 for none, a 200 of JSON, a 200 or a 404 for an
 * {@code Optional}, a {@code Response} as it says, a 200 of bytes; for a whole input, its JSON or nothing.
 */
public final class Answer {
  private enum Kind { NO_CONTENT, JSON, OPTIONAL, RESPONSE, BYTES }

  /** A route's void method: 204. An event method's: nothing back. */
  public static final Answer NO_CONTENT = new Answer(Kind.NO_CONTENT, null);
  public static final Answer BYTES = new Answer(Kind.BYTES, null);

  private final Kind kind;
  /** The codec of the JSON answered; null for none (a {@code Response} without a body). */
  final Codec<?> codec;

  private Answer(Kind kind, Codec<?> codec) {
    this.kind = kind;
    this.codec = codec;
  }

  public static Answer json(Codec<?> codec) {
    return new Answer(Kind.JSON, codec);
  }

  /** An {@code Optional}'s value as JSON, or a 404 when there is none. */
  public static Answer optional(Codec<?> codec) {
    return new Answer(Kind.OPTIONAL, codec);
  }

  /** A {@code Response<T>}, its body by {@code codec}; null for a {@code Response<Void>}. */
  public static Answer response(Codec<?> codec) {
    return new Answer(Kind.RESPONSE, codec);
  }

  @SuppressWarnings("unchecked")
  Reply reply(Object result) {
    Codec<Object> codec = (Codec<Object>) this.codec;
    switch (kind) {
      case JSON:
        return Reply.json(codec, result);
      case OPTIONAL:
        return Reply.optional(codec, (java.util.Optional<Object>) result);
      case RESPONSE:
        return Reply.of((Response<Object>) result, codec);
      case BYTES:
        return Reply.bytes((byte[]) result);
      default:
        return Reply.noContent();
    }
  }

  /** A whole input's reply to Lambda: the result's JSON, or {@code null}. */
  @SuppressWarnings("unchecked")
  String event(Object result) {
    return kind == Kind.JSON ? JsonWriter.write((Codec<Object>) codec, result) : "null";
  }
}
