package dev.stratus.template.events;

import dev.stratus.template.Names;
import dev.stratus.template.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An EventBridge event pattern: checked as EventBridge checks it when a rule is put, and matched against events
 * as EventBridge matches them. Patterns and events are plain values: maps, lists, strings, numbers, booleans
 * and null (a template's {@link Value}s through {@link #plain}).
 *
 * <p>A pattern is an object whose leaves are arrays; an array matches a field when any of its items does. An item
 * is a value (equal; a number equal as a number) or a filter: {@code prefix}, {@code suffix},
 * {@code equals-ignore-case}, {@code wildcard}, {@code anything-but}, {@code numeric}, {@code exists},
 * {@code cidr}. {@code $or} takes patterns of which one must match. An array in the event matches when any of
 * its items does.
 */
public final class EventPattern {
  /** The fields every event has; anything else goes under {@code detail}. */
  public static final List<String> TOP_LEVEL = List.of("version", "id", "detail-type", "source", "account", "time",
      "region", "resources", "detail", "replay-name");
  static final List<String> FILTERS = List.of("prefix", "suffix", "equals-ignore-case", "wildcard", "anything-but",
      "numeric", "exists", "cidr");
  private static final Set<String> COMPARISONS = Set.of("<", "<=", "=", ">", ">=");

  /** A mistake, at {@code path} inside the pattern ({@code [detail, state, 0]}). */
  public record Problem(List<String> path, String message) {}

  private EventPattern() {}

  /** What is wrong with {@code pattern}, as EventBridge would refuse it; empty when it is a valid pattern. */
  public static List<Problem> check(Object pattern) {
    List<Problem> out = new ArrayList<>();
    if (!(pattern instanceof Map<?, ?> m) || m.isEmpty()) {
      out.add(new Problem(List.of(), "a pattern is a mapping of event fields, e.g. source: [my.app]"));
      return out;
    }
    object(m, List.of(), true, out);
    return out;
  }

  private static void object(Map<?, ?> pattern, List<String> path, boolean top, List<Problem> out) {
    for (Map.Entry<?, ?> e : pattern.entrySet()) {
      String key = String.valueOf(e.getKey());
      List<String> at = append(path, key);
      Object value = e.getValue();
      if (key.equals("$or")) {
        if (!(value instanceof List<?> branches) || branches.size() < 2
            || !branches.stream().allMatch(b -> b instanceof Map<?, ?> bm && !bm.isEmpty())) {
          out.add(new Problem(at, "$or takes a list of two or more patterns, e.g. $or: [{source: [a]}, {source: [b]}]"));
          continue;
        }
        for (int i = 0; i < branches.size(); i++) {
          object((Map<?, ?>) branches.get(i), append(at, Integer.toString(i)), top, out);
        }
        continue;
      }
      if (top && !TOP_LEVEL.contains(key)) {
        out.add(new Problem(at, "'" + key + "' is no field of an EventBridge event" + Names.closest(key, TOP_LEVEL)
            .map(c -> "; did you mean '" + c + "'?").orElse("; its fields: " + String.join(", ", TOP_LEVEL)
                + " (the event's own data is under detail)")));
        continue;
      }
      if (value instanceof Map<?, ?> nested) {
        if (nested.isEmpty()) {
          out.add(new Problem(at, "'" + key + "' is empty; give it fields, or leave it out to match any"));
        } else {
          object(nested, at, false, out);
        }
      } else if (value instanceof List<?> items) {
        if (items.isEmpty()) {
          out.add(new Problem(at, "'" + key + "' has an empty list, which matches nothing; list the values to match"));
        }
        for (int i = 0; i < items.size(); i++) {
          item(items.get(i), append(at, Integer.toString(i)), out);
        }
      } else {
        out.add(new Problem(at, "'" + key + "' must list what it matches: " + key + ": [" + text(value) + "]"));
      }
    }
  }

  private static void item(Object item, List<String> at, List<Problem> out) {
    if (!(item instanceof Map<?, ?> filter)) {
      if (item instanceof List<?>) {
        out.add(new Problem(at, "a list inside a list; write the values in one list"));
      }
      return;
    }
    if (filter.size() != 1) {
      out.add(new Problem(at, "a filter has one key, one of " + String.join(", ", FILTERS)));
      return;
    }
    Map.Entry<?, ?> only = filter.entrySet().iterator().next();
    String name = String.valueOf(only.getKey());
    String problem = filter(name, only.getValue());
    if (problem != null) {
      out.add(new Problem(append(at, name), problem));
    }
  }

  /** Why a filter is wrong, or null. */
  private static String filter(String name, Object v) {
    switch (name) {
      case "prefix", "suffix" -> {
        return v instanceof String || v instanceof Map<?, ?> m && m.size() == 1 && m.get("equals-ignore-case")
            instanceof String ? null : name + " takes a string, or {equals-ignore-case: text}";
      }
      case "equals-ignore-case" -> {
        return v instanceof String ? null : "equals-ignore-case takes a string";
      }
      case "wildcard" -> {
        return !(v instanceof String s) ? "wildcard takes a string with * where any text may stand"
            : s.contains("**") ? "wildcard '" + s + "' has consecutive *; one * matches any text" : null;
      }
      case "exists" -> {
        return v instanceof Boolean ? null : "exists takes true or false";
      }
      case "cidr" -> {
        return v instanceof String s && cidr(s) != null ? null
            : "cidr takes an IP range such as 10.0.0.0/24 or 2001:db8::/32, not " + text(v);
      }
      case "numeric" -> {
        return numericProblem(v);
      }
      case "anything-but" -> {
        if (v instanceof Map<?, ?> m) {
          if (m.size() == 1) {
            String inner = String.valueOf(m.keySet().iterator().next());
            if (List.of("prefix", "suffix", "equals-ignore-case", "wildcard").contains(inner)) {
              Object iv = m.get(inner);
              boolean ok = iv instanceof String || iv instanceof List<?> l && !l.isEmpty()
                  && l.stream().allMatch(String.class::isInstance) && !inner.equals("prefix") && !inner.equals("suffix");
              return ok ? null : "anything-but's " + inner + " takes " + (inner.endsWith("fix") ? "a string"
                  : "a string or a list of strings");
            }
          }
          return "anything-but takes a value, a list of values, or one of prefix, suffix, equals-ignore-case, wildcard";
        }
        if (v instanceof List<?> l) {
          boolean same = !l.isEmpty() && (l.stream().allMatch(String.class::isInstance)
              || l.stream().allMatch(Number.class::isInstance));
          return same ? null : "anything-but's list holds strings or numbers, not both, and not none";
        }
        return v instanceof String || v instanceof Number ? null : "anything-but takes a string, a number or a list";
      }
      default -> {
        return "'" + name + "' is no filter of EventBridge" + Names.closest(name, FILTERS)
            .map(c -> "; did you mean '" + c + "'?").orElse("; its filters: " + String.join(", ", FILTERS));
      }
    }
  }

  private static String numericProblem(Object v) {
    String usage = "numeric takes comparisons such as [\">\", 0, \"<=\", 5] or [\"=\", 3]";
    if (!(v instanceof List<?> l) || l.isEmpty() || l.size() % 2 != 0 || l.size() > 4) {
      return usage;
    }
    int lower = 0;
    int upper = 0;
    for (int i = 0; i < l.size(); i += 2) {
      String op = String.valueOf(l.get(i));
      if (!COMPARISONS.contains(op) || !(l.get(i + 1) instanceof Number)) {
        return usage;
      }
      lower += op.startsWith(">") ? 1 : 0;
      upper += op.startsWith("<") ? 1 : 0;
      if (op.equals("=") && l.size() > 2) {
        return "numeric \"=\" stands alone: [\"=\", n]";
      }
    }
    return lower > 1 || upper > 1 ? "numeric takes at most one lower and one upper bound" : null;
  }

  /** Whether {@code event} (an EventBridge event as JSON reads it) matches {@code pattern}. */
  public static boolean matches(Map<?, ?> pattern, Map<?, ?> event) {
    for (Map.Entry<?, ?> e : pattern.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object rule = e.getValue();
      boolean ok;
      if (key.equals("$or")) {
        ok = ((List<?>) rule).stream().anyMatch(b -> matches((Map<?, ?>) b, event));
      } else {
        boolean present = event.containsKey(key);
        Object value = event.get(key);
        if (rule instanceof Map<?, ?> nested) {
          ok = values(value).stream().anyMatch(v -> v instanceof Map<?, ?> m && matches(nested, m));
        } else {
          ok = ((List<?>) rule).stream().anyMatch(item -> item(item, present, values(value)));
        }
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A field's values: an array's items (EventBridge matches any of them), a single value as one. */
  private static List<?> values(Object value) {
    if (value instanceof List<?> l) {
      return l;
    }
    List<Object> one = new ArrayList<>(1);
    one.add(value);
    return one;
  }

  private static boolean item(Object item, boolean present, List<?> values) {
    if (item instanceof Map<?, ?> filter) {
      Map.Entry<?, ?> only = filter.entrySet().iterator().next();
      String name = String.valueOf(only.getKey());
      if (name.equals("exists")) {
        return Boolean.TRUE.equals(only.getValue()) == present;
      }
      return present && values.stream().anyMatch(v -> filter(name, only.getValue(), v));
    }
    return present && values.stream().anyMatch(v -> equal(item, v));
  }

  private static boolean filter(String name, Object arg, Object v) {
    String s = v instanceof String text ? text : null;
    return switch (name) {
      case "prefix" -> s != null && (arg instanceof Map<?, ?> m ? lower(s).startsWith(lower(m.get("equals-ignore-case")))
          : s.startsWith((String) arg));
      case "suffix" -> s != null && (arg instanceof Map<?, ?> m ? lower(s).endsWith(lower(m.get("equals-ignore-case")))
          : s.endsWith((String) arg));
      case "equals-ignore-case" -> s != null && s.equalsIgnoreCase((String) arg);
      case "wildcard" -> s != null && wildcard((String) arg).matcher(s).matches();
      case "cidr" -> s != null && inRange(s, (String) arg);
      case "numeric" -> v instanceof Number n && numeric((List<?>) arg, decimal(n));
      case "anything-but" -> anythingBut(arg, v);
      default -> false;
    };
  }

  private static boolean anythingBut(Object arg, Object v) {
    if (arg instanceof Map<?, ?> m) {
      Map.Entry<?, ?> inner = m.entrySet().iterator().next();
      if (!(v instanceof String)) {
        return false;
      }
      for (Object one : values(inner.getValue())) {
        if (filter(String.valueOf(inner.getKey()), one, v)) {
          return false;
        }
      }
      return true;
    }
    return values(arg).stream().noneMatch(but -> equal(but, v));
  }

  private static boolean equal(Object want, Object v) {
    if (want instanceof Number a) {
      return v instanceof Number b && decimal(a).compareTo(decimal(b)) == 0;
    }
    return want == null ? v == null : want.equals(v);
  }

  private static boolean numeric(List<?> range, BigDecimal v) {
    for (int i = 0; i + 1 < range.size(); i += 2) {
      int cmp = v.compareTo(decimal((Number) range.get(i + 1)));
      boolean ok = switch (String.valueOf(range.get(i))) {
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

  private static Pattern wildcard(String glob) {
    List<String> parts = new ArrayList<>();
    for (String part : glob.split("\\*", -1)) {
      parts.add(Pattern.quote(part));
    }
    return Pattern.compile(String.join(".*", parts), Pattern.DOTALL);
  }

  private static boolean inRange(String address, String range) {
    byte[] net = cidr(range);
    byte[] ip = literal(address);
    if (net == null || ip == null || ip.length != net.length - 1) {
      return false;
    }
    int bits = net[net.length - 1] & 0xff;
    BigInteger mask = BigInteger.ONE.shiftLeft(ip.length * 8).subtract(BigInteger.ONE)
        .shiftRight(bits).not();
    BigInteger a = new BigInteger(1, ip).and(mask);
    BigInteger b = new BigInteger(1, java.util.Arrays.copyOf(net, ip.length)).and(mask);
    return a.equals(b);
  }

  /** A CIDR range as its address bytes followed by its prefix length; null when it is none. */
  private static byte[] cidr(String text) {
    int slash = text.indexOf('/');
    byte[] address = literal(slash < 0 ? text : text.substring(0, slash));
    if (address == null) {
      return null;
    }
    int bits = address.length * 8;
    if (slash >= 0) {
      try {
        bits = Integer.parseInt(text.substring(slash + 1));
      } catch (NumberFormatException e) {
        return null;
      }
    }
    if (bits < 0 || bits > address.length * 8) {
      return null;
    }
    byte[] out = java.util.Arrays.copyOf(address, address.length + 1);
    out[address.length] = (byte) bits;
    return out;
  }

  /** An IP address literal's bytes, without a name lookup; null when the text is no address. */
  private static byte[] literal(String text) {
    boolean v4 = text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    if (!v4 && !(text.contains(":") && text.matches("[0-9A-Fa-f:.]+"))) {
      return null;
    }
    try {
      return InetAddress.getByName(text).getAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  private static String lower(Object s) {
    return String.valueOf(s).toLowerCase(Locale.ROOT);
  }

  private static BigDecimal decimal(Number n) {
    return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
  }

  private static String text(Object v) {
    return v instanceof String s ? s : String.valueOf(v);
  }

  private static List<String> append(List<String> path, String step) {
    List<String> out = new ArrayList<>(path);
    out.add(step);
    return List.copyOf(out);
  }

  /** A template value as plain data: mappings as maps, numbers as {@link BigDecimal}; an intrinsic as its text. */
  public static Object plain(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    if (v instanceof Value.Num n) {
      return new BigDecimal(n.literal());
    }
    if (v instanceof Value.Bool b) {
      return b.value();
    }
    if (v instanceof Value.Seq s) {
      return s.items().stream().map(EventPattern::plain).toList();
    }
    if (v instanceof Value.Mapping m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.entries().forEach((k, x) -> out.put(k, plain(x)));
      return out;
    }
    return v instanceof Value.Null ? null : v.toString();
  }
}
