package dev.stratus.processor.glue;

import java.util.List;

/**
 * A Java type as the generated glue reads and writes it: the JDK types with a codec in the runtime, enums,
 * collections, and the records and beans the processor found, each with its properties. {@code java} is
 * the type as source text.
 */
public sealed interface JsonType {
  String java();

  /** A type with a codec and a text conversion of its own in the runtime: {@code Codecs.LONG}, {@code Convert.LONG}. */
  record Simple(String java, String constant) implements JsonType {}

  record Enumeration(String java) implements JsonType {}

  /** {@code List} or {@code Set}. */
  record Collection(String java, boolean set, JsonType item) implements JsonType {}

  /** A map with string keys. */
  record StringMap(String java, JsonType value) implements JsonType {}

  record Optional(String java, JsonType value) implements JsonType {}

  /** Anything JSON holds, as maps, lists and JDK values: {@code Object}. */
  record Any(String java) implements JsonType {}

  /**
   * A record (built through its canonical constructor) or a bean (a public no-argument constructor, setters
   * to read, getters to write). {@code name} is its simple name, unique among the types of one handler.
   */
  record Structure(String java, String name, boolean record, List<Property> properties) implements JsonType {}

  /**
   * A member of a structure under its JSON name. {@code getter} reads it ({@code id()}, {@code getId()}),
   * {@code setter} writes it on a bean (null when read-only, and for records); {@code zero} is the value of
   * a primitive left out ({@code 0L}), null for reference types.
   */
  record Property(String name, JsonType type, String getter, String setter, String zero) {}
}
