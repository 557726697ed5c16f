package dev.stratus.runtime;

/**
 * Reads and writes one type as JSON, without reflection: {@link Codecs} has the JDK's types, the processor
 * generates one for each record and bean a typed handler method takes or returns. A JSON {@code null}
 * reads as Java {@code null}, and {@code null} writes as JSON {@code null}.
 */
public interface Codec<T> {
  T read(JsonReader in);

  void write(JsonWriter out, T value);
}
