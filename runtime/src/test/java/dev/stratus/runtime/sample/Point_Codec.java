package dev.stratus.runtime.sample;

import dev.stratus.runtime.Codec;
import dev.stratus.runtime.Codecs;
import dev.stratus.runtime.Json;
import dev.stratus.runtime.JsonReader;
import dev.stratus.runtime.JsonWriter;
import java.util.Optional;

/** Written as the processor writes codecs (CodecWriter): registers itself when its class is initialised. */
final class Point_Codec implements Codec<Point> {
  static final Point_Codec INSTANCE = new Point_Codec();
  private static final Codec<Optional<String>> NOTE = Codecs.optional(Codecs.STRING);

  static {
    Json.register(Point.class, INSTANCE);
  }

  @Override
  public Point read(JsonReader in) {
    if (in.isNull()) {
      in.nul();
      return null;
    }
    Long x = null;
    String label = null;
    Optional<String> note = null;
    in.beginObject();
    while (in.hasNext()) {
      switch (in.name()) {
        case "x" -> x = Codecs.LONG.read(in);
        case "label" -> label = Codecs.STRING.read(in);
        case "note" -> note = NOTE.read(in);
        default -> in.skip();
      }
    }
    in.endObject();
    return new Point(x == null ? 0L : x, label, note == null ? Optional.empty() : note);
  }

  @Override
  public void write(JsonWriter out, Point value) {
    if (value == null) {
      out.nul();
      return;
    }
    out.beginObject();
    out.member("x", Codecs.LONG, value.x());
    out.member("label", Codecs.STRING, value.label());
    out.member("note", NOTE, value.note());
    out.endObject();
  }
}
