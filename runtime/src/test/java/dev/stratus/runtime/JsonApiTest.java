package dev.stratus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.runtime.sample.Point;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link Json}: a type's codec found by its conventional name, the JDK's values, collections, and what it refuses. */
class JsonApiTest {
  enum Color { RED, GREEN { @Override public String toString() { return "green"; } } }

  /** No codec is generated for this one. */
  public record Unknown(String a) {}

  @Test
  void findsTheGeneratedCodecOfAType() {
    Point p = new Point(3, "a", Optional.of("n"));
    assertThat(Json.write(p)).isEqualTo("{\"x\":3,\"label\":\"a\",\"note\":\"n\"}");
    assertThat(Json.read("{\"x\":3,\"label\":\"a\",\"note\":\"n\",\"extra\":[1]}", Point.class)).isEqualTo(p);
    assertThat(Json.codec(Point.class)).isSameAs(Json.codec(Point.class));
    assertThat(Json.codec(Point.Tag.class).getClass().getName()).isEqualTo("dev.stratus.runtime.sample.Point_Tag_Codec");
    assertThat(Json.write(new Point.Tag("t"))).isEqualTo("{\"tag_name\":\"t\"}");
  }

  @Test
  void absentValuesAreLeftOutAndReadAsAbsent() {
    assertThat(Json.write(new Point(0, null, Optional.empty()))).isEqualTo("{\"x\":0}");
    assertThat(Json.read("{}", Point.class)).isEqualTo(new Point(0, null, Optional.empty()));
    assertThat(Json.read("null", Point.class)).isNull();
    assertThat(Json.write(null)).isEqualTo("null");
  }

  @Test
  void listsMapsAndOptionalsOfKnownTypes() {
    List<Point> points = List.of(new Point(1, "a", Optional.empty()), new Point(2, "b", Optional.empty()));
    String text = "[{\"x\":1,\"label\":\"a\"},{\"x\":2,\"label\":\"b\"}]";
    assertThat(Json.write(points)).isEqualTo(text);
    assertThat(Json.readList(text, Point.class)).isEqualTo(points);
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("p", points.get(0));
    map.put("tags", Set.of("x"));
    map.put("none", null);
    map.put("maybe", Optional.of(Color.GREEN));
    assertThat(Json.write(map)).isEqualTo("{\"p\":{\"x\":1,\"label\":\"a\"},\"tags\":[\"x\"],\"none\":null,\"maybe\":\"GREEN\"}");
    assertThat(Json.write(Arrays.asList(1, null, "s"))).isEqualTo("[1,null,\"s\"]");
  }

  @Test
  void theJdkValuesATypedMethodTakes() {
    UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    assertThat(Json.write(id)).isEqualTo("\"0f8fad5b-d9cb-469f-a165-70867728950e\"");
    assertThat(Json.read("\"0f8fad5b-d9cb-469f-a165-70867728950e\"", UUID.class)).isEqualTo(id);
    assertThat(Json.read("\"2026-12-03T10:15:30Z\"", Instant.class)).isEqualTo(Instant.parse("2026-12-03T10:15:30Z"));
    assertThat(Json.read("1.50", BigDecimal.class)).isEqualTo(new BigDecimal("1.50"));
    assertThat(Json.read("\"GREEN\"", Color.class)).isEqualTo(Color.GREEN);
    assertThat(Json.read("{\"a\": [1]}", Object.class)).isEqualTo(Map.of("a", List.of(1L)));
    assertThat(Json.write(Color.GREEN)).isEqualTo("\"GREEN\"");
  }

  @Test
  void aTypeWithoutACodecIsRefusedWithWhatToDo() {
    assertThatThrownBy(() -> Json.write(new Unknown("a"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no JSON codec for dev.stratus.runtime.JsonApiTest$Unknown: annotate it with @JsonCodec"
            + " (dev.stratus.annotations.JsonCodec) so that Stratus generates dev.stratus.runtime.JsonApiTest_Unknown_Codec,"
            + " or take it in a typed handler method of its package; it must be a record or a bean");
    assertThatThrownBy(() -> Json.read("{}", Unknown.class)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.write(List.of(new Unknown("a")))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Json.write(Map.of(1, "a"))).hasMessage(
        "JSON object keys are strings; this map has the key 1");
  }

  @Test
  void readErrorsAreJsonExceptionsWithThePath() {
    assertThatThrownBy(() -> Json.read("{\"x\": \"3\"}", Point.class)).isInstanceOf(JsonException.class)
        .hasMessage("expected a number but found '\"' at column 7 ($.x)");
    assertThatThrownBy(() -> Json.readList("[{\"x\": 1}, {\"label\": 2}]", Point.class))
        .hasMessage("expected a string but found '2' at column 22 ($[1].label)");
  }

  @Test
  void aHandWrittenCodecMayBeRegistered() {
    record Money(long cents) {}
    Json.register(Money.class, new Codec<>() {
      public Money read(JsonReader in) {
        return new Money(in.longValue());
      }

      public void write(JsonWriter out, Money value) {
        out.number(value.cents());
      }
    });
    assertThat(Json.write(List.of(new Money(150)))).isEqualTo("[150]");
    assertThat(Json.read("150", Money.class)).isEqualTo(new Money(150));
  }
}
