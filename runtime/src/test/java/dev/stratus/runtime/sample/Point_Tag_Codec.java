package dev.stratus.runtime.sample;

import dev.stratus.runtime.Codec;
import dev.stratus.runtime.Codecs;
import dev.stratus.runtime.Json;
import dev.stratus.runtime.JsonReader;
import dev.stratus.runtime.JsonWriter;

/** The codec of a nested type, by the convention {@code Outer_Inner_Codec}. */
final class Point_Tag_Codec implements Codec<Point.Tag> {
  static final Point_Tag_Codec INSTANCE = new Point_Tag_Codec();

  static {
    Json.register(Point.Tag.class, INSTANCE);
  }

  @Override
  public Point.Tag read(JsonReader in) {
    if (in.isNull()) {
      in.nul();
      return null;
    }
    String name = null;
    in.beginObject();
    while (in.hasNext()) {
      if (in.name().equals("tag_name")) {
        name = Codecs.STRING.read(in);
      } else {
        in.skip();
      }
    }
    in.endObject();
    return new Point.Tag(name);
  }

  @Override
  public void write(JsonWriter out, Point.Tag value) {
    out.beginObject().member("tag_name", Codecs.STRING, value.name()).endObject();
  }
}
