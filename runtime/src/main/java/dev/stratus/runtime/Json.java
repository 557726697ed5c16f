package dev.stratus.runtime;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JSON of your own messages (an SQS body you send, an S3 object you write, an SNS message you read) through
 * the codecs Stratus generates: no reflection over your fields, the same names, policy and absent-value rules
 * as the typed methods' bodies.
 *
 * <pre>{@code
 * @JsonCodec @JsonNaming(JsonNaming.Policy.SNAKE_CASE)
 * public record OrderPlaced(String orderId, Instant placedAt, Optional<String> note) {}
 *
 * String body = Json.write(new OrderPlaced("o-1", now, Optional.empty()));   // {"order_id":"o-1","placed_at":"…"}
 * OrderPlaced order = Json.read(body, OrderPlaced.class);
 * List<OrderPlaced> orders = Json.readList(text, OrderPlaced.class);
 * }</pre>
 *
 * <p><b>Which types.</b> A record or bean has a codec when it is annotated {@code @JsonCodec}
 * ({@code dev.stratus.annotations}), when it is reached from such a type, or when a typed handler method of its
 * own package takes or returns it. The codec is the generated class {@code <Type>_Codec} of the type's package
 * ({@code Outer_Inner_Codec} for {@code Outer.Inner}); it registers itself when its class is initialised, and
 * {@link #codec} loads that class by this name the first time it is asked for a type (once per class).
 * The JDK values a typed method takes ({@code String}, boxes, {@code BigDecimal}, {@code BigInteger},
 * {@code UUID}, {@code Instant}, {@code LocalDate}, {@code byte[]}) and enums are known too, and
 * {@code Object.class} reads any JSON as maps, lists and JDK values ({@link Codecs#ANY}). Any other type is an
 * {@link IllegalArgumentException} that says to annotate it.
 *
 * <p><b>Collections.</b> {@link #write} takes lists, sets and other iterables, {@code Map<String, ?>} and
 * {@code Optional} of known types, item by item; {@link #readList} reads a list. For other shapes compose the
 * codecs: {@code JsonReader.read(text, Codecs.map(Json.codec(Order.class)))}.
 */
public final class Json {
  /**
   * Codecs by type: the JDK's below, the generated ones as their classes are initialised ({@link #register}).
   * Held for the life of the JVM, as a Lambda container is.
   */
  private static final Map<Class<?>, Codec<?>> CODECS = new ConcurrentHashMap<>();
  /** Whether a type's conventional codec class was loaded yet: once per class, found or not. */
  private static final ClassValue<Boolean> LOADED = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      if (type.isPrimitive() || type.isArray() || type.isInterface()) {
        return false;
      }
      try {
        Class.forName(codecName(type), true, type.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false;
      }
    }
  };

  static {
    CODECS.put(String.class, Codecs.STRING);
    CODECS.put(Boolean.class, Codecs.BOOLEAN);
    CODECS.put(Long.class, Codecs.LONG);
    CODECS.put(Integer.class, Codecs.INT);
    CODECS.put(Short.class, Codecs.SHORT);
    CODECS.put(Byte.class, Codecs.BYTE);
    CODECS.put(Double.class, Codecs.DOUBLE);
    CODECS.put(Float.class, Codecs.FLOAT);
    CODECS.put(Character.class, Codecs.CHAR);
    CODECS.put(BigDecimal.class, Codecs.BIG_DECIMAL);
    CODECS.put(BigInteger.class, Codecs.BIG_INTEGER);
    CODECS.put(UUID.class, Codecs.UUID_);
    CODECS.put(Instant.class, Codecs.INSTANT);
    CODECS.put(LocalDate.class, Codecs.LOCAL_DATE);
    CODECS.put(byte[].class, Codecs.BYTES);
  }

  private Json() {}

  /**
   * Makes {@code codec} the codec of {@code type}. Generated codecs call this as their class is initialised;
   * a hand-written codec of a type that has no generated one may be registered too. The first codec
   * registered for a type stays.
   */
  public static <T> void register(Class<T> type, Codec<T> codec) {
    CODECS.putIfAbsent(type, codec);
  }

  /** The codec of {@code type}; an {@link IllegalArgumentException} that says what to do when it has none. */
  @SuppressWarnings("unchecked") // registered by type: a Class<T>'s codec is a Codec<T>
  public static <T> Codec<T> codec(Class<T> type) {
    if (type == Object.class) {
      return (Codec<T>) Codecs.ANY;
    }
    Codec<?> codec = find(type);
    if (codec == null && type.isEnum()) {
      codec = enumeration(type.asSubclass(Enum.class));
      CODECS.putIfAbsent(type, codec);
    }
    if (codec == null) {
      throw unknown(type);
    }
    return (Codec<T>) codec;
  }

  /** {@code text} as one {@code type}: the whole text one JSON value; JSON {@code null} is {@code null}. */
  public static <T> T read(String text, Class<T> type) {
    return JsonReader.read(text, codec(type));
  }

  /** {@code text} as a JSON array of {@code item}s. */
  public static <T> List<T> readList(String text, Class<T> item) {
    return JsonReader.read(text, Codecs.list(codec(item)));
  }

  /**
   * {@code value} as JSON text by its class's codec (or its nearest superclass's, for a bean's subclass);
   * iterables as arrays, {@code Map}s with string keys as objects and {@code Optional}s as their value, item by
   * item; enums by constant name; {@code null} as {@code null}.
   */
  public static String write(Object value) {
    JsonWriter out = new JsonWriter();
    write(out, value);
    return out.toString();
  }

  private static void write(JsonWriter out, Object value) {
    if (value == null) {
      out.nul();
      return;
    }
    Codec<?> codec = find(value.getClass());
    if (codec != null) {
      writeWith(out, codec, value);
    } else if (value instanceof Optional<?> o) {
      write(out, o.orElse(null));
    } else if (value instanceof Enum<?> e) {
      out.string(e.name());
    } else if (value instanceof Map<?, ?> map) {
      out.beginObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!(e.getKey() instanceof String name)) {
          throw new IllegalArgumentException("JSON object keys are strings; this map has the key " + e.getKey());
        }
        out.name(name);
        write(out, e.getValue());
      }
      out.endObject();
    } else if (value instanceof Iterable<?> items) {
      out.beginArray();
      for (Object item : items) {
        write(out, item);
      }
      out.endArray();
    } else {
      throw unknown(value.getClass());
    }
  }

  @SuppressWarnings("unchecked") // the codec was found by the value's class or a superclass of it
  private static void writeWith(JsonWriter out, Codec<?> codec, Object value) {
    ((Codec<Object>) codec).write(out, value);
  }

  /** The codec registered or generated for {@code type} or, for a bean's subclass, a superclass; null if none. */
  private static Codec<?> find(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      Codec<?> codec = CODECS.get(c);
      if (codec == null && LOADED.get(c)) {
        codec = CODECS.get(c);
      }
      if (codec != null) {
        return codec;
      }
      if (c.isRecord() || c.isEnum()) {
        break;
      }
    }
    return null;
  }

  private static <E extends Enum<E>> Codec<E> enumeration(Class<E> type) {
    return Codecs.enumeration(type.getEnumConstants());
  }

  /**
   * The generated codec's name for {@code type}: {@code com.example.Outer_Inner_Codec} for
   * {@code com.example.Outer.Inner}.
   */
  static String codecName(Class<?> type) {
    String pkg = type.getPackageName();
    String simple = pkg.isEmpty() ? type.getName() : type.getName().substring(pkg.length() + 1);
    return (pkg.isEmpty() ? "" : pkg + ".") + simple.replace('$', '_') + "_Codec";
  }

  private static IllegalArgumentException unknown(Class<?> type) {
    return new IllegalArgumentException("no JSON codec for " + type.getName() + ": annotate it with @JsonCodec"
        + " (dev.stratus.annotations.JsonCodec) so that Stratus generates " + codecName(type)
        + ", or take it in a typed handler method of its package; it must be a record or a bean");
  }
}
