package dev.stratus.template.check;

import dev.stratus.template.Fn;
import dev.stratus.template.Names;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Bool;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Null;
import dev.stratus.template.Value.Num;
import dev.stratus.template.Value.Seq;
import dev.stratus.template.Value.Str;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a resource's properties against its type's schema at any depth: unknown names (with the closest
 * one), wrong shapes, values outside an enumeration, missing required properties. An intrinsic function
 * stands for a value of any type, as CloudFormation resolves it before the check it would make.
 */
final class PropertyChecker {
  private static final Pattern INTEGER = Pattern.compile("-?\\d+");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

  private final ResourceSpecs.Spec spec;
  private final List<Problem> problems;

  private PropertyChecker(ResourceSpecs.Spec spec, List<Problem> problems) {
    this.spec = spec;
    this.problems = problems;
  }

  /** Checks {@code properties} of a resource of {@code spec}'s type, at {@code path} (…/Properties). */
  static void check(ResourceSpecs.Spec spec, Mapping properties, List<String> path, List<Problem> problems) {
    new PropertyChecker(spec, problems).object(spec.type(), spec.root(), properties, path);
  }

  /**
   * Checks the values of those {@code properties} that {@code spec}'s type has, as {@code Globals} give them: no
   * property is required there, and which ones are allowed is SAM's list, checked apart.
   */
  @SuppressWarnings("unchecked")
  static void checkValues(ResourceSpecs.Spec spec, Mapping properties, List<String> path, List<Problem> problems) {
    PropertyChecker checker = new PropertyChecker(spec, problems);
    Map<String, Object> props = (Map<String, Object>) spec.root().getOrDefault("p", Map.of());
    properties.entries().forEach((name, value) -> {
      if (props.containsKey(name)) {
        checker.value(name, props.get(name), value, append(path, name));
      }
    });
  }

  @SuppressWarnings("unchecked")
  private void object(String name, Map<String, Object> shape, Mapping value, List<String> path) {
    Map<String, Object> props = (Map<String, Object>) shape.getOrDefault("p", Map.of());
    boolean open = shape.containsKey("x");
    java.util.Set<String> suggested = new java.util.HashSet<>();
    for (Map.Entry<String, Value> e : value.entries().entrySet()) {
      Object type = props.get(e.getKey());
      List<String> at = append(path, e.getKey());
      if (type != null) {
        value(e.getKey(), type, e.getValue(), at);
      } else if (!open) {
        Names.closest(e.getKey(), props.keySet()).ifPresent(suggested::add);
        problems.add(Problem.of(at, Diagnostic.UnknownProperty, name, e.getKey(), Names.suggestion(e.getKey(),
            props.keySet()), props.size() <= 12 ? "; it has " + String.join(", ", new java.util.TreeSet<>(props.keySet()))
            : ""));
      }
    }
    for (String required : (List<String>) shape.getOrDefault("r", List.of())) {
      // A misspelt required property is one mistake, reported above with its fix.
      if (!value.entries().containsKey(required) && !suggested.contains(required)) {
        problems.add(Problem.of(path, Diagnostic.MissingProperty, name, required));
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void value(String name, Object type, Value v, List<String> path) {
    if (v instanceof Fn || v instanceof Null) {
      return;
    }
    if (type instanceof String primitive) {
      String expected = switch (primitive) {
        case "s" -> v instanceof Str || v instanceof Num || v instanceof Bool ? null : "a string";
        case "i" -> v instanceof Num n && INTEGER.matcher(n.literal()).matches()
            || v instanceof Str s && INTEGER.matcher(s.value()).matches() ? null : "an integer";
        case "n" -> v instanceof Num || v instanceof Str s && NUMBER.matcher(s.value()).matches() ? null : "a number";
        case "b" -> v instanceof Bool || v instanceof Str s && (s.value().equals("true") || s.value().equals("false"))
            ? null : "a boolean (true or false)";
        default -> null; // "j" (JSON) and "*" take anything
      };
      if (expected != null) {
        wrong(name, expected, v, path);
      }
      return;
    }
    Map<String, Object> t = (Map<String, Object>) type;
    if (t.containsKey("$")) {
      Object def = spec.definitions().get((String) t.get("$"));
      if (def != null) {
        value((String) t.get("$"), def, v, path);
      }
    } else if (t.containsKey("l")) {
      if (!(v instanceof Seq seq)) {
        wrong(name, "a list", v, path);
        return;
      }
      for (int i = 0; i < seq.items().size(); i++) {
        value(name, t.get("l"), seq.items().get(i), append(path, Integer.toString(i)));
      }
    } else if (t.containsKey("m")) {
      if (!(v instanceof Mapping m)) {
        wrong(name, "a mapping", v, path);
        return;
      }
      m.entries().forEach((k, item) -> value(name, t.get("m"), item, append(path, k)));
    } else if (t.containsKey("e")) {
      List<String> allowed = (List<String>) t.get("e");
      String text = v instanceof Str s ? s.value() : v instanceof Num n ? n.literal() : null;
      if (text == null) {
        wrong(name, "one of " + String.join(", ", allowed), v, path);
      } else if (!allowed.contains(text)) {
        problems.add(Problem.of(path, Diagnostic.InvalidPropertyValue, name, text, String.join(", ", allowed),
            Names.suggestion(text, allowed)));
      }
    } else if (t.containsKey("p") || t.containsKey("x")) {
      if (!(v instanceof Mapping m)) {
        wrong(name, "a mapping", v, path);
        return;
      }
      object(name, t, m, path);
    }
  }

  private void wrong(String name, String expected, Value v, List<String> path) {
    problems.add(Problem.of(path, Diagnostic.WrongPropertyShape, name, expected, describe(v)));
  }

  static String describe(Value v) {
    if (v instanceof Str s) {
      return "'" + (s.value().length() > 40 ? s.value().substring(0, 40) + "…" : s.value()) + "'";
    } else if (v instanceof Num n) {
      return n.literal();
    } else if (v instanceof Bool b) {
      return Boolean.toString(b.value());
    } else if (v instanceof Seq) {
      return "a list";
    }
    return "a mapping";
  }

  private static List<String> append(List<String> path, String key) {
    List<String> out = new ArrayList<>(path);
    out.add(key);
    return out;
  }
}
