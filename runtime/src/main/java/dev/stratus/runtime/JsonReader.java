package dev.stratus.runtime;

/**
 * A strict pull parser over JSON text (RFC 8259): what generated codecs read with. Values are taken in
 * order; {@link #hasNext} walks the members of an object or the items of an array, {@link #skip} passes
 * a value not wanted. Lone surrogates and trailing content are errors, so no half-valid text gets through.
 * An error names its column and, inside objects and arrays, the value's path: {@code at column 10 ($.tags[1])}.
 */
public final class JsonReader {
  /** What the next value is. */
  public enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

  private static final int MAX_DEPTH = 512;

  private final String text;
  private int pos;
  /** Per open container: whether a member or item has been read, so the next one needs a comma. */
  private final boolean[] started = new boolean[MAX_DEPTH];
  /** Per open object: the name of the member being read, null between members (for the path of an error). */
  private final String[] names = new String[MAX_DEPTH];
  /** Per open array: the items begun, negative between items; 0 for an object. */
  private final int[] items = new int[MAX_DEPTH];
  private final boolean[] arrays = new boolean[MAX_DEPTH];
  private int depth;

  private JsonReader(String text) {
    this.text = text;
  }

  public static JsonReader of(String text) {
    return new JsonReader(text);
  }

  /** Reads one whole document with {@code codec}: one value and nothing after it. */
  public static <T> T read(String text, Codec<T> codec) {
    JsonReader r = of(text);
    T value = codec.read(r);
    r.end();
    return value;
  }

  public Kind peek() {
    char c = next();
    return switch (c) {
      case '{' -> Kind.OBJECT;
      case '[' -> Kind.ARRAY;
      case '"' -> Kind.STRING;
      case 't', 'f' -> Kind.BOOLEAN;
      case 'n' -> Kind.NULL;
      default -> {
        if (c == '-' || c >= '0' && c <= '9') {
          yield Kind.NUMBER;
        }
        throw error("expected a JSON value but found " + describe(c));
      }
    };
  }

  public void beginObject() {
    open('{', "an object", null);
  }

  /**
   * The start of an object whose members are {@code members} ({@code "name, size, type"}), as a generated codec
   * knows them: a value of another kind is refused with them, {@code expected an object (name, size, type) but
   * found '['}.
   */
  public void beginObject(String members) {
    open('{', "an object", members);
  }

  public void endObject() {
    close('}');
  }

  public void beginArray() {
    open('[', "an array", null);
  }

  public void endArray() {
    close(']');
  }

  /** Whether the open object or array has another member or item; consumes the comma before it. */
  public boolean hasNext() {
    names[depth - 1] = null;
    items[depth - 1] = -Math.abs(items[depth - 1]);
    char c = next();
    if (c == '}' || c == ']') {
      return false;
    }
    if (started[depth - 1]) {
      if (c != ',') {
        throw error("expected ',' or the end of the " + (arrays[depth - 1] ? "list" : "object") + " but found " + describe(c));
      }
      pos++;
      char after = next();
      if (after == '}' || after == ']') {
        throw error("trailing comma");
      }
    }
    started[depth - 1] = true;
    items[depth - 1] = 1 - items[depth - 1];
    return true;
  }

  /** The name of the next member, and its colon. */
  public String name() {
    if (next() != '"') {
      throw error("expected a member name in quotes but found " + describe(next()));
    }
    String name = string();
    if (next() != ':') {
      throw error("expected ':' after \"" + name + "\"");
    }
    pos++;
    names[depth - 1] = name;
    return name;
  }

  public boolean isNull() {
    return peek() == Kind.NULL;
  }

  public void nul() {
    literal("null");
  }

  public boolean bool() {
    if (next() == 't') {
      literal("true");
      return true;
    }
    if (next() == 'f') {
      literal("false");
      return false;
    }
    throw error("expected true or false but found " + describe(next()));
  }

  public String string() {
    if (next() != '"') {
      throw error("expected a string but found " + describe(next()));
    }
    int start = ++pos;
    StringBuilder out = null;
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        String s = out == null ? text.substring(start, pos) : out.append(text, start, pos).toString();
        pos++;
        return s;
      }
      if (c < 0x20) {
        throw error("control character U+" + String.format("%04X", (int) c) + " in a string; escape it");
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && pos + 1 < text.length() && Character.isLowSurrogate(text.charAt(pos + 1))) {
          pos += 2;
          continue;
        }
        throw error("a lone surrogate in a string");
      }
      if (c != '\\') {
        pos++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(text, start, pos);
      pos++;
      out.append(escape(out));
      start = pos;
    }
  }

  /** The escaped character after a backslash; a surrogate pair needs the next escape too. */
  private char escape(StringBuilder out) {
    if (pos >= text.length()) {
      throw error("unterminated string");
    }
    char e = text.charAt(pos++);
    return switch (e) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        char c = hex4();
        if (Character.isHighSurrogate(c)) {
          if (text.startsWith("\\u", pos)) {
            pos += 2;
            char low = hex4();
            if (Character.isLowSurrogate(low)) {
              out.append(c);
              yield low;
            }
          }
          throw error("a lone surrogate in a string");
        }
        if (Character.isLowSurrogate(c)) {
          throw error("a lone surrogate in a string");
        }
        yield c;
      }
      default -> {
        pos -= 2; // at the backslash
        throw error("invalid escape '\\" + e + "'");
      }
    };
  }

  private char hex4() {
    if (pos + 4 > text.length()) {
      throw error("a \\u escape needs 4 hex digits");
    }
    int v = 0;
    for (int k = 0; k < 4; k++) {
      int d = Character.digit(text.charAt(pos++), 16);
      if (d < 0) {
        throw error("a \\u escape needs 4 hex digits");
      }
      v = v * 16 + d;
    }
    return (char) v;
  }

  /** The next number's text, checked against JSON's grammar. */
  public String number() {
    next();
    int start = pos;
    if (at('-')) {
      pos++;
    }
    if (at('0')) {
      pos++;
    } else if (!digits()) {
      throw error("expected a number but found " + describe(current()));
    }
    if (at('.')) {
      pos++;
      if (!digits()) {
        throw error("expected digits after '.'");
      }
    }
    if (at('e') || at('E')) {
      pos++;
      if (at('+') || at('-')) {
        pos++;
      }
      if (!digits()) {
        throw error("expected digits in the exponent");
      }
    }
    return text.substring(start, pos);
  }

  public long longValue() {
    int start = mark();
    String n = number();
    try {
      return Long.parseLong(n);
    } catch (NumberFormatException e) {
      throw errorAt(start, "expected a whole number but found " + n);
    }
  }

  public int intValue() {
    int start = mark();
    long v = longValue();
    if (v != (int) v) {
      throw errorAt(start, v + " is out of range for an int");
    }
    return (int) v;
  }

  public double doubleValue() {
    return Double.parseDouble(number());
  }

  /** Passes over the next value, whatever it is. */
  public void skip() {
    switch (peek()) {
      case OBJECT -> {
        beginObject();
        while (hasNext()) {
          name();
          skip();
        }
        endObject();
      }
      case ARRAY -> {
        beginArray();
        while (hasNext()) {
          skip();
        }
        endArray();
      }
      case STRING -> string();
      case NUMBER -> number();
      case BOOLEAN -> bool();
      case NULL -> nul();
    }
  }

  /** Nothing but whitespace may follow the document's value. */
  public void end() {
    skipSpace();
    if (pos < text.length()) {
      throw error("more than one JSON value; send one");
    }
  }

  /** An error at the current position, in the words a 400 uses: what, the column and the path. */
  public JsonException error(String what) {
    return errorAt(pos, what);
  }

  /** Where the next value starts (after white space): for an error about it once it is read ({@link #errorAt}). */
  int mark() {
    skipSpace();
    return pos;
  }

  /** An error about the value that starts at {@code start}, from {@link #mark}. */
  JsonException errorAt(int start, String what) {
    StringBuilder path = new StringBuilder();
    for (int d = 0; d < depth; d++) {
      if (arrays[d] ? items[d] <= 0 : names[d] == null) {
        break; // between values: deeper levels are not open
      }
      if (arrays[d]) {
        path.append('[').append(items[d] - 1).append(']');
      } else {
        path.append('.').append(names[d]);
      }
    }
    return new JsonException(what + " at column " + (start + 1) + (path.isEmpty() ? "" : " ($" + path + ")"));
  }

  private void open(char c, String what, String members) {
    if (next() != c) {
      throw error("expected " + what + (members == null ? "" : " (" + members + ")") + " but found "
          + describe(next()));
    }
    if (depth == MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
    pos++;
    names[depth] = null;
    items[depth] = 0;
    arrays[depth] = c == '[';
    started[depth++] = false;
  }

  private void close(char c) {
    if (next() != c) {
      throw error("expected '" + c + "' but found " + describe(next()));
    }
    pos++;
    depth--;
  }

  private void literal(String word) {
    next();
    if (!text.startsWith(word, pos)) {
      String found = text.substring(pos, Math.min(text.length(), pos + 12));
      throw error("expected a JSON value but found '" + found + "'");
    }
    pos += word.length();
  }

  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private boolean at(char c) {
    return pos < text.length() && text.charAt(pos) == c;
  }

  private char current() {
    return pos < text.length() ? text.charAt(pos) : 0;
  }

  /** The next non-space character, not consumed; 0 at the end. */
  private char next() {
    skipSpace();
    return current();
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private static String describe(char c) {
    return c == 0 ? "the end of the text" : "'" + c + "'";
  }
}
