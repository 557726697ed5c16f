package dev.stratus.runtime;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's JSON of attribute values ({@code {"N": "42"}}, {@code {"M": {…}}}) and the plain JSON of the same
 * item ({@code 42}, {@code {…}}), both ways: a stream record's images are read as the user's type from the plain
 * form. Numbers keep their digits; binary values are base64 text; sets are lists.
 */
public final class AttributeValues {
  private AttributeValues() {}

  /** An item ({@code {"id": {"S": "a"}}}) as the JSON text of its plain values ({@code {"id":"a"}}). */
  public static String plainJson(Map<?, ?> item) {
    JsonWriter w = new JsonWriter();
    item(w, item);
    return w.toString();
  }

  /** An item's attributes as plain values: text, numbers ({@code Long} or {@code Double}), lists, maps. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> plain(Map<?, ?> item) {
    return (Map<String, Object>) JsonReader.read(plainJson(item), Codecs.ANY);
  }

  private static void item(JsonWriter w, Map<?, ?> item) {
    w.beginObject();
    item.forEach((name, value) -> {
      w.name(String.valueOf(name));
      value(w, value instanceof Map<?, ?> m ? m : Map.of());
    });
    w.endObject();
  }

  private static void value(JsonWriter w, Map<?, ?> attribute) {
    if (attribute.size() != 1) {
      throw new IllegalArgumentException("an attribute value has one type, as {\"S\": \"text\"}: " + attribute);
    }
    Map.Entry<?, ?> only = attribute.entrySet().iterator().next();
    Object v = only.getValue();
    switch (String.valueOf(only.getKey())) {
      case "S", "B" -> w.string(String.valueOf(v));
      case "N" -> w.rawNumber(String.valueOf(v));
      case "BOOL" -> w.bool(Boolean.parseBoolean(String.valueOf(v)));
      case "NULL" -> w.nul();
      case "M" -> item(w, v instanceof Map<?, ?> m ? m : Map.of());
      case "L" -> {
        w.beginArray();
        for (Object item : (List<?>) v) {
          value(w, item instanceof Map<?, ?> m ? m : Map.of());
        }
        w.endArray();
      }
      case "SS", "BS" -> {
        w.beginArray();
        ((List<?>) v).forEach(s -> w.string(String.valueOf(s)));
        w.endArray();
      }
      case "NS" -> {
        w.beginArray();
        ((List<?>) v).forEach(n -> w.rawNumber(String.valueOf(n)));
        w.endArray();
      }
      default -> throw new IllegalArgumentException("no attribute type " + only.getKey() + ": S, N, B, BOOL, NULL,"
          + " M, L, SS, NS or BS");
    }
  }

  /** Plain JSON text of an item ({@code {"id":"a","n":1}}) in DynamoDB's form ({@code {"id":{"S":"a"},…}}). */
  public static Map<String, Object> of(String plainJson) {
    Object parsed = JsonReader.read(plainJson, Codecs.ANY);
    if (!(parsed instanceof Map<?, ?> m)) {
      throw new IllegalArgumentException("an item is a JSON object: " + Convert.excerpt(plainJson));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> out.put(String.valueOf(k), attribute(v)));
    return out;
  }

  private static Map<String, Object> attribute(Object v) {
    if (v == null) {
      return Map.of("NULL", true);
    } else if (v instanceof String s) {
      return Map.of("S", s);
    } else if (v instanceof Boolean b) {
      return Map.of("BOOL", b);
    } else if (v instanceof Number n) {
      return Map.of("N", n.toString());
    } else if (v instanceof List<?> l) {
      return Map.of("L", l.stream().map(AttributeValues::attribute).toList());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    ((Map<?, ?>) v).forEach((k, item) -> m.put(String.valueOf(k), attribute(item)));
    return Map.of("M", m);
  }
}
