package dev.stratus.processor;

import dev.stratus.template.Fn;
import dev.stratus.template.TemplateException;
import dev.stratus.template.Value;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.yaml.YamlReader;
import java.util.HashMap;
import java.util.Map;

/** Turns annotation text into template values, reporting text that does not parse on the value that holds it. */
final class YamlText {
  private final Reporter reporter;
  /** Values are immutable, and handlers often share a text (the same policy, say): each is parsed once. */
  private final Map<String, Value> parsed = new HashMap<>();

  YamlText(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * {@code "!Ref Bucket"} becomes the intrinsic; anything else stays the plain text it is. Returns
   * {@code null} after reporting when an intrinsic does not parse.
   */
  Value textOrIntrinsic(String text, Origin at, String what) {
    if (!text.stripLeading().startsWith("!")) {
      return Value.str(text);
    }
    Value v = yaml(text, at, what);
    if (v != null && !(v instanceof Fn)) {
      reporter.report(at, Diagnostic.NotAnIntrinsic, what, text);
      return null;
    }
    return v;
  }

  /** Any YAML value; {@code null} after reporting a syntax error with its line inside the text. */
  Value yaml(String text, Origin at, String what) {
    Value known = parsed.get(text);
    if (known != null) {
      return known;
    }
    try {
      Value v = YamlReader.readValue(text);
      parsed.put(text, v);
      return v;
    } catch (TemplateException e) {
      if (text.contains("\n") && e.line() > 0) {
        reporter.report(at, Diagnostic.YamlSyntaxAtLine, what, e.line(), e.getMessage());
      } else {
        reporter.report(at, Diagnostic.YamlSyntax, what, e.getMessage());
      }
      return null;
    }
  }

  /** A YAML mapping such as a resource's properties; empty text is an empty mapping. */
  Value.Mapping mapping(String text, Origin at, String what, String example) {
    if (text.isBlank()) {
      return Value.Mapping.EMPTY;
    }
    Value v = yaml(text, at, what);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Value.Mapping m)) {
      reporter.report(at, Diagnostic.NotAMapping, what, example);
      return null;
    }
    return m;
  }
}
