package dev.stratus.processor.glue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sample JSON for the typed methods that read JSON (a route's body, a message, a schedule's input), filled by
 * type: what {@code stratus-local}'s {@code invoke} and {@code generate-event} send without {@code --event},
 * so that the call binds. Written next to the handler class as {@link #resource}, a JSON object by method.
 */
public final class SampleWriter {
  private SampleWriter() {}

  /** Where the samples of handler class {@code glueClass} (qualified) are: read from the function's code. */
  public static String resource(String glueClass) {
    return "META-INF/stratus/samples/" + glueClass + ".json";
  }

  /** {@code {"method": sample, …}} for those of {@code methods} that read JSON; null when none does. */
  public static String samples(List<TypedMethod> methods) {
    StringBuilder out = new StringBuilder();
    for (TypedMethod m : methods) {
      for (Param p : m.params()) {
        boolean json = (p.source() == Param.Source.BODY || p.source() == Param.Source.MESSAGE)
            && (p.shape() == Param.Shape.ONE || p.shape() == Param.Shape.OPTIONAL) && p.type() != null;
        if (json) {
          out.append(out.length() == 0 ? "{\n  " : ",\n  ").append(quote(m.method())).append(": ");
          sample(p.type(), p.name(), new HashSet<>(), out);
        }
      }
    }
    return out.length() == 0 ? null : out.append("\n}\n").toString();
  }

  /** A value of {@code t}; {@code name}, the property's, makes text samples say what they are. */
  static void sample(JsonType t, String name, Set<String> open, StringBuilder out) {
    if (t instanceof JsonType.Simple s) {
      out.append(switch (s.constant()) {
        case "BOOLEAN" -> "true";
        case "INT", "LONG", "SHORT", "BYTE", "BIG_INTEGER" -> "1";
        case "DOUBLE", "FLOAT", "BIG_DECIMAL" -> "1.5";
        case "CHAR" -> "\"a\"";
        case "UUID_" -> "\"00000000-0000-4000-8000-000000000001\"";
        case "INSTANT" -> "\"2026-01-01T00:00:00Z\"";
        case "LOCAL_DATE" -> "\"2026-01-01\"";
        case "BYTES" -> "\"c2FtcGxl\"";
        default -> quote("sample " + name);
      });
    } else if (t instanceof JsonType.Enumeration e) {
      out.append(e.first() == null ? "null" : quote(e.first()));
    } else if (t instanceof JsonType.Collection c) {
      out.append('[');
      sample(c.item(), name, open, out);
      out.append(']');
    } else if (t instanceof JsonType.StringMap map) {
      out.append("{\"key\": ");
      sample(map.value(), name, open, out);
      out.append('}');
    } else if (t instanceof JsonType.Optional o) {
      sample(o.value(), name, open, out);
    } else if (t instanceof JsonType.Structure s) {
      if (!open.add(s.java())) {
        out.append("null"); // a type that holds itself: one level is a sample
        return;
      }
      out.append('{');
      String separator = "";
      for (JsonType.Property p : s.properties()) {
        out.append(separator).append(quote(p.json())).append(": ");
        sample(p.type(), p.name(), open, out);
        separator = ", ";
      }
      out.append('}');
      open.remove(s.java());
    } else {
      out.append("{}");
    }
  }

  private static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }
}
