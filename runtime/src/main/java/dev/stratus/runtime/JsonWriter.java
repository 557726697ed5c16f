package dev.stratus.runtime;

/** Writes JSON text value by value; commas and escapes are its business, not the caller's. */
public final class JsonWriter {
  private final StringBuilder out = new StringBuilder(256);
  /** Per open container: whether it holds a value yet. */
  private final boolean[] started = new boolean[512];
  private int depth;
  private boolean afterName;

  public static <T> String write(Codec<T> codec, T value) {
    JsonWriter w = new JsonWriter();
    codec.write(w, value);
    return w.toString();
  }

  public JsonWriter beginObject() {
    value();
    out.append('{');
    started[depth++] = false;
    return this;
  }

  public JsonWriter endObject() {
    depth--;
    out.append('}');
    return this;
  }

  public JsonWriter beginArray() {
    value();
    out.append('[');
    started[depth++] = false;
    return this;
  }

  public JsonWriter endArray() {
    depth--;
    out.append(']');
    return this;
  }

  public JsonWriter name(String name) {
    value();
    quote(name);
    out.append(':');
    afterName = true;
    return this;
  }

  /**
   * A member of an object, left out when {@code value} is absent ({@code null} or an empty {@code Optional}):
   * what generated codecs write each property with, so that absent values are not sent as {@code null}.
   */
  public <T> JsonWriter member(String name, Codec<T> codec, T value) {
    if (value != null && !(value instanceof java.util.Optional<?> o && o.isEmpty())) {
      name(name);
      codec.write(this, value);
    }
    return this;
  }

  public JsonWriter string(String s) {
    if (s == null) {
      return nul();
    }
    value();
    quote(s);
    return this;
  }

  public JsonWriter number(long n) {
    value();
    out.append(n);
    return this;
  }

  /** A finite double; NaN and infinities have no JSON form and are written as null. */
  public JsonWriter number(double n) {
    if (!Double.isFinite(n)) {
      return nul();
    }
    value();
    if (n == Math.rint(n) && Math.abs(n) < 1e15) {
      out.append((long) n);
    } else {
      out.append(n);
    }
    return this;
  }

  /** A number already in JSON's form, such as a {@code BigDecimal}'s plain string. */
  public JsonWriter rawNumber(String n) {
    value();
    out.append(n);
    return this;
  }

  /** A value already written as JSON, by this writer or another: kept as it is. */
  JsonWriter raw(String json) {
    value();
    out.append(json);
    return this;
  }

  public JsonWriter bool(boolean b) {
    value();
    out.append(b);
    return this;
  }

  public JsonWriter nul() {
    value();
    out.append("null");
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void value() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (depth > 0) {
      if (started[depth - 1]) {
        out.append(',');
      }
      started[depth - 1] = true;
    }
  }

  private void quote(String s) {
    out.append('"');
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      String escape = switch (c) {
        case '"' -> "\\\"";
        case '\\' -> "\\\\";
        case '\n' -> "\\n";
        case '\r' -> "\\r";
        case '\t' -> "\\t";
        default -> c < 0x20 || c == '\u2028' || c == '\u2029' ? String.format("\\u%04x", (int) c) : null;
      };
      if (escape != null) {
        out.append(s, start, i).append(escape);
        start = i + 1;
      }
    }
    out.append(s, start, s.length()).append('"');
  }
}
