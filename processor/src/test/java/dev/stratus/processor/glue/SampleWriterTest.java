package dev.stratus.processor.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.palantir.javapoet.ClassName;
import dev.stratus.runtime.JsonWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Samples filled by type: JSON names, every kind of value, and a type that holds itself cut at one level. */
class SampleWriterTest {
  private static final JsonType TEXT = new JsonType.Simple("java.lang.String", "STRING");

  private static JsonType.Property property(String name, String json, JsonType type) {
    return new JsonType.Property(name, json, type, name + "()", null, null);
  }

  private static String sample(JsonType t) {
    JsonWriter out = new JsonWriter();
    SampleWriter.sample(t, "value", new HashSet<>(), out);
    return out.toString();
  }

  @Test
  void everyKindOfValue() {
    JsonType shelf = new JsonType.Enumeration("x.Shelf", ClassName.get("x", "Shelf"), "FICTION");
    JsonType.Structure book = new JsonType.Structure("x.Book", "Book_Codec", true, List.of(
        property("title", "title", TEXT),
        property("publishedOn", "published_on", new JsonType.Simple("java.time.LocalDate", "LOCAL_DATE")),
        property("shelves", "shelves", new JsonType.Collection("java.util.List<x.Shelf>", false, shelf)),
        property("prices", "prices", new JsonType.StringMap("java.util.Map<java.lang.String,java.math.BigDecimal>",
            new JsonType.Simple("java.math.BigDecimal", "BIG_DECIMAL"))),
        property("note", "note", new JsonType.Optional("java.util.Optional<java.lang.String>", TEXT)),
        property("copies", "copies", new JsonType.Simple("int", "INT"))),
        ClassName.get("x", "Book"), ClassName.get("x", "Book_Codec"));
    assertThat(sample(book)).isEqualTo("{\"title\":\"sample title\",\"published_on\":\"2026-01-01\","
        + "\"shelves\":[\"FICTION\"],\"prices\":{\"key\":1.5},\"note\":\"sample note\",\"copies\":1}");
  }

  @Test
  void aTypeThatHoldsItselfStopsAtOneLevel() {
    List<JsonType.Property> properties = new ArrayList<>();
    JsonType.Structure node = new JsonType.Structure("x.Node", "Node_Codec", true, properties,
        ClassName.get("x", "Node"), ClassName.get("x", "Node_Codec"));
    properties.add(property("name", "name", TEXT));
    properties.add(property("parent", "parent", node));
    assertThat(sample(node)).isEqualTo("{\"name\":\"sample name\",\"parent\":null}");
  }
}
