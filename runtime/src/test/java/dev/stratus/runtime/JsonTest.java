package dev.stratus.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void readsEveryKindOfValue() {
    Object value = JsonReader.read(" {\"a\": [1, -2.5e3, true, false, null], \"b\": {\"c\": \"d\\u00e9\\n\\ud83d\\ude00\"},"
        + " \"big\": 12345678901234567890} ", Codecs.ANY);
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", Arrays.asList(1L, -2500.0, true, false, null));
    expected.put("b", Map.of("c", "dé\n😀"));
    expected.put("big", 1.2345678901234567E19);
    assertThat(value).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{\"a\": 1,}|trailing comma at column 9",
      "[1 2]|expected ',' or the end of the list but found '2' at column 4",
      "{\"a\" 1}|expected ':' after \"a\" at column 6",
      "{a: 1}|expected a member name in quotes but found 'a' at column 2",
      "\"abc|unterminated string at column 5",
      "\"\\x\"|invalid escape '\\x' at column 2",
      "\"\\ud800\"|a lone surrogate in a string at column 8",
      "01|more than one JSON value; send one at column 2",
      "1.|expected digits after '.' at column 3",
      "-|expected a number but found the end of the text at column 2",
      "nul|expected a JSON value but found 'nul' at column 1",
      "not json|expected a JSON value but found 'not json' at column 1",
      "[1] [2]|more than one JSON value; send one at column 5",
      "|expected a JSON value but found the end of the text at column 1",
      "{\"a\": }|expected a JSON value but found '}' at column 7 ($.a)",
  })
  void refusesWhatIsNotJson(String text, String message) {
    assertThatThrownBy(() -> JsonReader.read(text == null ? "" : text, Codecs.ANY)).isInstanceOf(JsonException.class)
        .hasMessage(message);
  }

  @Test
  void refusesControlCharactersInStrings() {
    assertThatThrownBy(() -> JsonReader.read("\"a\tb\"", Codecs.STRING)).hasMessage(
        "control character U+0009 in a string; escape it at column 3");
  }

  @Test
  void typedCodecsSayWhatTheyExpected() {
    assertThatThrownBy(() -> JsonReader.read("\"x\"", Codecs.LONG)).hasMessage(
        "expected a number but found '\"' at column 1");
    assertThatThrownBy(() -> JsonReader.read("1.5", Codecs.LONG)).hasMessage(
        "expected a whole number but found 1.5 at column 1");
    assertThatThrownBy(() -> JsonReader.read("3000000000", Codecs.INT)).hasMessage(
        "3000000000 is out of range for an int at column 1");
    assertThatThrownBy(() -> JsonReader.read("\"2026-13-01\"", Codecs.LOCAL_DATE)).hasMessage(
        "expected an ISO-8601 date such as 2026-12-03 but found \"2026-13-01\" at column 1");
    assertThat(JsonReader.read("null", Codecs.optional(Codecs.UUID_))).isEmpty();
    assertThat(JsonReader.read("[\"a\", \"a\"]", Codecs.set(Codecs.STRING))).containsExactly("a");
  }

  @Test
  void anErrorInsideObjectsAndArraysNamesThePathOfTheValue() {
    assertThatThrownBy(() -> JsonReader.read("{\"a\": {\"b\": [1, 2, \"x\"]}}", Codecs.map(Codecs.map(
        Codecs.list(Codecs.LONG))))).hasMessage("expected a number but found '\"' at column 20 ($.a.b[2])");
    assertThatThrownBy(() -> JsonReader.read("[{\"id\": 1}, {\"id\": 1.5}]", Codecs.list(Codecs.map(Codecs.LONG))))
        .hasMessage("expected a whole number but found 1.5 at column 20 ($[1].id)");
    assertThatThrownBy(() -> JsonReader.read("{\"day\": \"2026-13-01\"}", Codecs.map(Codecs.LOCAL_DATE)))
        .hasMessage("expected an ISO-8601 date such as 2026-12-03 but found \"2026-13-01\" at column 9 ($.day)");
    // Between values there is no value to name: the path stops at the container.
    assertThatThrownBy(() -> JsonReader.read("{\"a\": [1,]}", Codecs.ANY)).hasMessage(
        "trailing comma at column 10 ($.a)");
    assertThatThrownBy(() -> JsonReader.read("{\"a\": 1 \"b\": 2}", Codecs.ANY)).hasMessage(
        "expected ',' or the end of the object but found '\"' at column 9");
    // A generated codec names the members it reads.
    assertThatThrownBy(() -> JsonReader.of(" [1]").beginObject("name, size")).hasMessage(
        "expected an object (name, size) but found '[' at column 2");
  }

  @Test
  void writesWhatItReads() {
    String text = "{\"s\":\"q\\\"\\\\\\n\\u0001\\u2028é\",\"n\":[1,-2.5,1.0E20,null],\"t\":true,\"o\":{}}";
    Object value = JsonReader.read(text, Codecs.ANY);
    assertThat(JsonWriter.write(Codecs.ANY, value)).isEqualTo(text.replace("1.0E20", "1.0E20"));
    assertThat(JsonWriter.write(Codecs.list(Codecs.DOUBLE), List.of(Double.NaN, 2.0))).isEqualTo("[null,2]");
  }

  @Test
  void skipsNestedValuesWhole() {
    JsonReader r = JsonReader.of("{\"skip\": {\"a\": [1, {\"b\": []}]}, \"keep\": 7}");
    r.beginObject();
    long kept = -1;
    while (r.hasNext()) {
      if (r.name().equals("keep")) {
        kept = r.longValue();
      } else {
        r.skip();
      }
    }
    r.endObject();
    r.end();
    assertThat(kept).isEqualTo(7);
  }
}
