package dev.stratus.processor.glue;

import dev.stratus.runtime.JsonWriter;
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
    JsonWriter out = new JsonWriter().beginObject();
    boolean any = false;
    for (TypedMethod m : methods) {
      for (Param p : m.params()) {
        boolean json = (p.source() == Param.Source.BODY || p.source() == Param.Source.MESSAGE)
            && (p.shape() == Param.Shape.ONE || p.shape() == Param.Shape.OPTIONAL
            || p.shape() == Param.Shape.ENVELOPE) && p.type() != null;
        if (json) {
          sample(p.type(), p.name(), new HashSet<>(), out.name(m.method()));
          any = true;
        }
      }
    }
    return any ? out.endObject().toString() : null;
  }

  /** A value of {@code t}; {@code name}, the property's, makes text samples say what they are. */
  static void sample(JsonType t, String name, Set<String> open, JsonWriter out) {
    if (t instanceof JsonType.Simple s) {
      switch (s.constant()) {
        case "BOOLEAN" -> out.bool(true);
        case "INT", "LONG", "SHORT", "BYTE", "BIG_INTEGER" -> out.number(1);
        case "DOUBLE", "FLOAT", "BIG_DECIMAL" -> out.number(1.5);
        case "CHAR" -> out.string("a");
        case "UUID_" -> out.string("00000000-0000-4000-8000-000000000001");
        case "INSTANT" -> out.string("2026-01-01T00:00:00Z");
        case "LOCAL_DATE" -> out.string("2026-01-01");
        case "BYTES" -> out.string("c2FtcGxl");
        default -> out.string("sample " + name);
      }
    } else if (t instanceof JsonType.Enumeration e) {
      out.string(e.first());
    } else if (t instanceof JsonType.Collection c) {
      sample(c.item(), name, open, out.beginArray());
      out.endArray();
    } else if (t instanceof JsonType.StringMap map) {
      sample(map.value(), name, open, out.beginObject().name("key"));
      out.endObject();
    } else if (t instanceof JsonType.Optional o) {
      sample(o.value(), name, open, out);
    } else if (t instanceof JsonType.Structure s) {
      if (!open.add(s.java())) {
        out.nul(); // a type that holds itself: one level is a sample
        return;
      }
      out.beginObject();
      for (JsonType.Property p : s.properties()) {
        sample(p.type(), p.name(), open, out.name(p.json()));
      }
      out.endObject();
      open.remove(s.java());
    } else {
      out.beginObject().endObject();
    }
  }
}
