package dev.stratus.runtime;

/**
 * Reads and writes one type as JSON, without reflection: {@link Codecs} has the JDK's types, the processor
 * generates one for each record and bean a typed handler method takes or returns, or that is annotated
 * {@code @JsonCodec} ({@link Json} finds those). A JSON {@code null} reads as Java {@code null}, and
 * {@code null} writes as JSON {@code null}; a property that is {@code null} or an empty {@code Optional} is
 * left out of its object ({@link JsonWriter#member}), and a member absent from the text reads as {@code null},
 * an empty {@code Optional}, or a primitive's zero.
 */
public interface Codec<T> {
  T read(JsonReader in);

  void write(JsonWriter out, T value);
}
