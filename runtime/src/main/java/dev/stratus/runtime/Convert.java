package dev.stratus.runtime;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Text of a path parameter, query parameter or header to a typed value. A failure is an
 * {@link IllegalArgumentException} whose message says what was expected, for the 400 the caller gets.
 */
@FunctionalInterface
public interface Convert<T> {
  /** Refusals quote at most this many characters of what was sent. */
  int EXCERPT = 64;

  T parse(String text);

  Convert<String> STRING = s -> s;
  Convert<Integer> INT = s -> (int) whole(s, Integer.MIN_VALUE, Integer.MAX_VALUE);
  Convert<Long> LONG = s -> whole(s, Long.MIN_VALUE, Long.MAX_VALUE);
  Convert<Short> SHORT = s -> (short) whole(s, Short.MIN_VALUE, Short.MAX_VALUE);
  Convert<Byte> BYTE = s -> (byte) whole(s, Byte.MIN_VALUE, Byte.MAX_VALUE);
  Convert<Double> DOUBLE = s -> decimal(s).doubleValue();
  Convert<Float> FLOAT = s -> decimal(s).floatValue();
  Convert<BigDecimal> BIG_DECIMAL = Convert::decimal;
  Convert<Boolean> BOOLEAN = s -> switch (s) {
    case "true" -> true;
    case "false" -> false;
    default -> throw new IllegalArgumentException("must be true or false");
  };
  Convert<Character> CHAR = s -> {
    if (s.length() != 1) {
      throw new IllegalArgumentException("must be one character");
    }
    return s.charAt(0);
  };
  Convert<UUID> UUID_ = Convert::uuid;
  Convert<Instant> INSTANT = s -> {
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be an ISO-8601 instant such as 2026-12-03T10:15:30Z");
    }
  };
  Convert<LocalDate> LOCAL_DATE = s -> {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be an ISO-8601 date such as 2026-12-03");
    }
  };

  /** An enum constant by name; {@code values} is the enum's {@code values()}. */
  static <E extends Enum<E>> Convert<E> enumeration(E[] values) {
    return s -> {
      for (E e : values) {
        if (e.name().equals(s)) {
          return e;
        }
      }
      throw new IllegalArgumentException("must be " + oneOf(values));
    };
  }

  static String oneOf(Enum<?>[] values) {
    StringBuilder b = new StringBuilder("one of ");
    for (int i = 0; i < values.length; i++) {
      b.append(i == 0 ? "" : ", ").append(values[i].name());
    }
    return b.toString();
  }

  /** The canonical 36-character form only: {@code UUID.fromString} also takes "1-1-1-1-1". */
  static UUID uuid(String s) {
    if (!Uuids.CANONICAL.matcher(s).matches()) {
      throw new IllegalArgumentException("must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
    return UUID.fromString(s);
  }

  private static long whole(String s, long min, long max) {
    long v;
    try {
      v = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number");
    }
    if (v < min || v > max) {
      throw new IllegalArgumentException("must be between " + min + " and " + max);
    }
    return v;
  }

  private static BigDecimal decimal(String s) {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a number");
    }
  }

  /** At most {@value #EXCERPT} characters of {@code text}: a refusal never echoes unbounded input. */
  static String excerpt(String text) {
    return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT) + "… (" + text.length() + " characters)";
  }

  /** Holds the pattern: an interface's fields are public, this one need not be. */
  final class Uuids {
    private static final Pattern CANONICAL = Pattern.compile(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}
  }
}
