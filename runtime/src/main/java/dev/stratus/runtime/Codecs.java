package dev.stratus.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Codecs of the types a typed method may use in JSON, and of lists, sets, maps and optionals of them. */
public final class Codecs {
  private Codecs() {}

  /** A codec of a type that is written as a string: UUIDs, dates, enums. */
  private static <T> Codec<T> asString(Function<String, T> parse, Function<T, String> format, String expected) {
    return new Codec<>() {
      public T read(JsonReader in) {
        if (in.isNull()) {
          in.nul();
          return null;
        }
        int start = in.mark();
        String s = in.string();
        try {
          return parse.apply(s);
        } catch (IllegalArgumentException | DateTimeParseException e) {
          throw in.errorAt(start, "expected " + expected + " but found \"" + Convert.excerpt(s) + "\"");
        }
      }

      public void write(JsonWriter out, T value) {
        out.string(value == null ? null : format.apply(value));
      }
    };
  }

  /** A number codec; {@code read} gets the reader when the value is not null. */
  private static <T extends Number> Codec<T> number(Function<JsonReader, T> read, boolean integral) {
    return new Codec<>() {
      public T read(JsonReader in) {
        if (in.isNull()) {
          in.nul();
          return null;
        }
        return read.apply(in);
      }

      public void write(JsonWriter out, T value) {
        if (value == null) {
          out.nul();
        } else if (integral) {
          out.number(value.longValue());
        } else if (value instanceof BigDecimal d) {
          out.rawNumber(d.toString());
        } else {
          out.number(value.doubleValue());
        }
      }
    };
  }

  public static final Codec<String> STRING = new Codec<>() {
    public String read(JsonReader in) {
      if (in.isNull()) {
        in.nul();
        return null;
      }
      return in.string();
    }

    public void write(JsonWriter out, String value) {
      out.string(value);
    }
  };

  public static final Codec<Boolean> BOOLEAN = new Codec<>() {
    public Boolean read(JsonReader in) {
      if (in.isNull()) {
        in.nul();
        return null;
      }
      return in.bool();
    }

    public void write(JsonWriter out, Boolean value) {
      if (value == null) {
        out.nul();
      } else {
        out.bool(value);
      }
    }
  };

  public static final Codec<Long> LONG = number(JsonReader::longValue, true);
  public static final Codec<Integer> INT = number(JsonReader::intValue, true);
  public static final Codec<Short> SHORT = number(in -> (short) ranged(in, Short.MIN_VALUE, Short.MAX_VALUE), true);
  public static final Codec<Byte> BYTE = number(in -> (byte) ranged(in, Byte.MIN_VALUE, Byte.MAX_VALUE), true);
  public static final Codec<Double> DOUBLE = number(JsonReader::doubleValue, false);
  public static final Codec<Float> FLOAT = number(in -> (float) in.doubleValue(), false);
  public static final Codec<BigDecimal> BIG_DECIMAL = number(in -> new BigDecimal(in.number()), false);
  public static final Codec<BigInteger> BIG_INTEGER = number(in -> {
    int start = in.mark();
    String n = in.number();
    try {
      return new BigInteger(n);
    } catch (NumberFormatException e) {
      throw in.errorAt(start, "expected a whole number but found " + n);
    }
  }, true);

  public static final Codec<Character> CHAR = asString(s -> {
    if (s.length() != 1) {
      throw new IllegalArgumentException();
    }
    return s.charAt(0);
  }, String::valueOf, "one character");
  public static final Codec<UUID> UUID_ = asString(Convert::uuid, UUID::toString, "a UUID");
  public static final Codec<Instant> INSTANT = asString(Instant::parse, Instant::toString,
      "an ISO-8601 instant such as 2026-12-03T10:15:30Z");
  public static final Codec<LocalDate> LOCAL_DATE = asString(LocalDate::parse, LocalDate::toString,
      "an ISO-8601 date such as 2026-12-03");
  /** Bytes inside JSON are base64 text. */
  public static final Codec<byte[]> BYTES = asString(s -> Base64.getDecoder().decode(s),
      b -> Base64.getEncoder().encodeToString(b), "base64 text");

  /** Any JSON as maps, lists, strings, numbers ({@code Long} or {@code Double}), booleans and null. */
  public static final Codec<Object> ANY = new Codec<>() {
    public Object read(JsonReader in) {
      return switch (in.peek()) {
        case OBJECT -> map(this).read(in);
        case ARRAY -> list(this).read(in);
        case STRING -> in.string();
        case BOOLEAN -> in.bool();
        case NULL -> {
          in.nul();
          yield null;
        }
        case NUMBER -> {
          String n = in.number();
          yield n.indexOf('.') < 0 && n.indexOf('e') < 0 && n.indexOf('E') < 0 && n.length() < 19
              ? (Object) Long.parseLong(n) : (Object) Double.parseDouble(n);
        }
      };
    }

    @SuppressWarnings("unchecked")
    public void write(JsonWriter out, Object value) {
      if (value == null) {
        out.nul();
      } else if (value instanceof String s) {
        out.string(s);
      } else if (value instanceof Boolean b) {
        out.bool(b);
      } else if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
        DOUBLE.write(out, ((Number) value).doubleValue());
      } else if (value instanceof Number n) {
        out.number(n.longValue());
      } else if (value instanceof Map<?, ?> m) {
        map(this).write(out, (Map<String, Object>) m);
      } else if (value instanceof Iterable<?> items) {
        out.beginArray();
        for (Object item : items) {
          write(out, item);
        }
        out.endArray();
      } else {
        out.string(value.toString());
      }
    }
  };

  private static long ranged(JsonReader in, long min, long max) {
    int start = in.mark();
    long v = in.longValue();
    if (v < min || v > max) {
      throw in.errorAt(start, v + " is out of range (" + min + " to " + max + ")");
    }
    return v;
  }

  public static <T> Codec<List<T>> list(Codec<T> item) {
    return collection(item, ArrayList::new);
  }

  public static <T> Codec<Set<T>> set(Codec<T> item) {
    return collection(item, LinkedHashSet::new);
  }

  private static <T, C extends java.util.Collection<T>> Codec<C> collection(Codec<T> item,
      java.util.function.Supplier<C> create) {
    return new Codec<>() {
      public C read(JsonReader in) {
        if (in.isNull()) {
          in.nul();
          return null;
        }
        C out = create.get();
        in.beginArray();
        while (in.hasNext()) {
          out.add(item.read(in));
        }
        in.endArray();
        return out;
      }

      public void write(JsonWriter out, C value) {
        if (value == null) {
          out.nul();
          return;
        }
        out.beginArray();
        for (T t : value) {
          item.write(out, t);
        }
        out.endArray();
      }
    };
  }

  /** JSON objects as maps with string keys, in the text's order. */
  public static <T> Codec<Map<String, T>> map(Codec<T> value) {
    return new Codec<>() {
      public Map<String, T> read(JsonReader in) {
        if (in.isNull()) {
          in.nul();
          return null;
        }
        Map<String, T> out = new LinkedHashMap<>();
        in.beginObject();
        while (in.hasNext()) {
          out.put(in.name(), value.read(in));
        }
        in.endObject();
        return out;
      }

      public void write(JsonWriter out, Map<String, T> map) {
        if (map == null) {
          out.nul();
          return;
        }
        out.beginObject();
        for (Map.Entry<String, T> e : map.entrySet()) {
          out.name(e.getKey());
          value.write(out, e.getValue());
        }
        out.endObject();
      }
    };
  }

  /**
   * An absent value or JSON {@code null} is empty; empty writes as {@code null} where a value must be written
   * (an item of a list), and is left out as a member of an object ({@link JsonWriter#member}).
   */
  public static <T> Codec<Optional<T>> optional(Codec<T> value) {
    return new Codec<>() {
      public Optional<T> read(JsonReader in) {
        return Optional.ofNullable(value.read(in));
      }

      public void write(JsonWriter out, Optional<T> v) {
        value.write(out, v == null ? null : v.orElse(null));
      }
    };
  }

  /** An enum by constant name; {@code values} is the enum's {@code values()}, so no reflection is needed. */
  public static <E extends Enum<E>> Codec<E> enumeration(E[] values) {
    Convert<E> convert = Convert.enumeration(values);
    return asString(convert::parse, Enum::name, Convert.oneOf(values));
  }
}
