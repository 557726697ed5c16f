package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An SNS subscription filter policy, matched as SNS does: every key of the policy must match (or one
 * branch of {@code $or}), a key matches when any of its conditions does — a string or number, {@code prefix},
 * {@code suffix}, {@code equals-ignore-case}, {@code anything-but}, {@code numeric} ranges, {@code exists}.
 * With scope {@code MessageAttributes} the keys are message attributes ({@code String.Array} values match by
 * any element); with {@code MessageBody}, paths into the JSON message.
 */
final class FilterPolicy {
  /** A message attribute as published: its data type and text. */
  record Attribute(String dataType, String value) {}

  private final JsonNode policy;
  private final boolean onBody;

  private FilterPolicy(JsonNode policy, boolean onBody) {
    this.policy = policy;
    this.onBody = onBody;
  }

  /** {@code policy} as the template evaluates it (a map), {@code scope} as written or null. */
  static FilterPolicy of(Object policy, Object scope) {
    return new FilterPolicy(Events.JSON.valueToTree(policy), "MessageBody".equals(scope));
  }

  boolean matches(String message, Map<String, Attribute> attributes) {
    if (!onBody) {
      return object(policy, name -> {
        Attribute a = attributes.get(name);
        return a == null ? null : values(a);
      });
    }
    JsonNode body;
    try {
      body = Events.JSON.readTree(message);
    } catch (IOException e) {
      return false;
    }
    return body != null && body.isObject() && matchesBody(policy, body);
  }

  private boolean matchesBody(JsonNode policy, JsonNode body) {
    return object(policy, name -> {
      JsonNode v = body.get(name);
      return v == null ? null : List.of(v);
    });
  }

  private interface Lookup {
    /** The values of a key, or null when it is absent. */
    List<JsonNode> values(String key);
  }

  private boolean object(JsonNode policy, Lookup lookup) {
    for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) policy::fields) {
      boolean ok;
      if (e.getKey().equals("$or")) {
        ok = false;
        for (JsonNode branch : e.getValue()) {
          ok |= object(branch, lookup);
        }
      } else if (e.getValue().isObject() && onBody) {
        List<JsonNode> nested = lookup.values(e.getKey());
        ok = nested != null && nested.get(0).isObject() && matchesBody(e.getValue(), nested.get(0));
      } else {
        ok = key(e.getValue(), lookup.values(e.getKey()));
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static List<JsonNode> values(Attribute a) {
    if (a.dataType().startsWith("String.Array")) {
      try {
        JsonNode array = Events.JSON.readTree(a.value());
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
      } catch (IOException e) {
        return List.of();
      }
    }
    return List.of(a.dataType().startsWith("Number") ? Events.JSON.getNodeFactory().numberNode(new BigDecimal(a.value()))
        : Events.JSON.getNodeFactory().textNode(a.value()));
  }

  /** Any condition of the key's list matches any of its values; {@code exists} looks at presence alone. */
  private static boolean key(JsonNode conditions, List<JsonNode> values) {
    for (JsonNode c : conditions.isArray() ? conditions : Events.JSON.createArrayNode().add(conditions)) {
      if (c.isObject() && c.has("exists")) {
        if (c.get("exists").asBoolean() == (values != null)) {
          return true;
        }
        continue;
      }
      if (values != null && values.stream().anyMatch(v -> condition(c, v))) {
        return true;
      }
    }
    return false;
  }

  private static boolean condition(JsonNode c, JsonNode v) {
    if (c.isTextual()) {
      return v.isTextual() && v.asText().equals(c.asText());
    }
    if (c.isNumber()) {
      return v.isNumber() && v.decimalValue().compareTo(c.decimalValue()) == 0;
    }
    if (c.isBoolean() || c.isNull()) {
      return c.equals(v);
    }
    if (c.has("prefix")) {
      return v.isTextual() && v.asText().startsWith(c.get("prefix").asText());
    }
    if (c.has("suffix")) {
      return v.isTextual() && v.asText().endsWith(c.get("suffix").asText());
    }
    if (c.has("equals-ignore-case")) {
      return v.isTextual() && v.asText().toLowerCase(Locale.ROOT).equals(c.get("equals-ignore-case").asText()
          .toLowerCase(Locale.ROOT));
    }
    if (c.has("anything-but")) {
      JsonNode but = c.get("anything-but");
      if (but.isObject()) {
        return !condition(but, v);
      }
      for (JsonNode b : but.isArray() ? but : Events.JSON.createArrayNode().add(but)) {
        if (condition(b, v)) {
          return false;
        }
      }
      return true;
    }
    if (c.has("numeric")) {
      return v.isNumber() && numeric(c.get("numeric"), v.decimalValue());
    }
    return false;
  }

  private static boolean numeric(JsonNode range, BigDecimal v) {
    for (int i = 0; i + 1 < range.size(); i += 2) {
      int cmp = v.compareTo(range.get(i + 1).decimalValue());
      boolean ok = switch (range.get(i).asText()) {
        case "=" -> cmp == 0;
        case ">" -> cmp > 0;
        case ">=" -> cmp >= 0;
        case "<" -> cmp < 0;
        case "<=" -> cmp <= 0;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
