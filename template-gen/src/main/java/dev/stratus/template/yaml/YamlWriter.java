package dev.stratus.template.yaml;

import dev.stratus.template.Fn;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Bool;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Null;
import dev.stratus.template.Value.Num;
import dev.stratus.template.Value.Seq;
import dev.stratus.template.Value.Str;
import java.util.Map;
import java.util.StringJoiner;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Writes {@link Value}s as CloudFormation YAML: block style, two-space indent, intrinsics in the short
 * form ({@code !Ref X}, {@code !Equals [a, b]}), strings quoted only where YAML would read them as
 * something else. The output depends only on the input, so the same model always gives the same bytes.
 */
public final class YamlWriter {
  private static final int FLOW_WIDTH = 80;
  private static final Resolver RESOLVER = new Resolver();
  /** Templates repeat the same keys and values thousands of times; resolving each once keeps writing linear. */
  private static final java.util.Map<String, Boolean> PLAIN = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int PLAIN_CACHE_LIMIT = 50_000;

  private final StringBuilder out = new StringBuilder();

  private YamlWriter() {}

  /** The YAML text of a document whose root is a mapping; ends with a newline. */
  public static String write(Mapping root) {
    YamlWriter writer = new YamlWriter();
    if (root.isEmpty()) {
      return "{}\n";
    }
    writer.mapping(root, 0);
    return writer.out.toString();
  }

  private void mapping(Mapping mapping, int indent) {
    for (Map.Entry<String, Value> e : mapping.entries().entrySet()) {
      pad(indent).append(scalar(e.getKey(), false)).append(':');
      afterIndicator(e.getValue(), indent + 2);
    }
  }

  private void sequence(Seq seq, int indent) {
    for (Value item : seq.items()) {
      int start = out.length();
      if (item instanceof Mapping m && !m.isEmpty() || item instanceof Seq s && !s.items().isEmpty()) {
        // Compact form: the first entry shares the line with its dash.
        block(item, indent + 2);
        out.replace(start, start + indent + 2, " ".repeat(indent) + "- ");
      } else {
        pad(indent).append('-');
        afterIndicator(item, indent + 2);
      }
    }
  }

  /** Writes a value that follows {@code key:} or {@code -}; nested blocks go on the next lines at {@code indent}. */
  private void afterIndicator(Value value, int indent) {
    String inline = inline(value);
    if (inline != null) {
      out.append(' ').append(inline).append('\n');
    } else if (value instanceof Str s) {
      literal(s.value(), indent);
    } else if (value instanceof Fn fn && !(fn.argument() instanceof Fn)) {
      out.append(' ').append(fn.tag());
      Value argument = fn.argument();
      if (argument instanceof Str s) {
        literal(s.value(), indent);
      } else {
        out.append('\n');
        block(argument, indent);
      }
    } else {
      out.append('\n');
      block(value, indent);
    }
  }

  private void block(Value value, int indent) {
    if (value instanceof Mapping m) {
      mapping(m, indent);
    } else if (value instanceof Seq s) {
      sequence(s, indent);
    } else if (value instanceof Fn fn) {
      // Only reached when the argument is itself a function: YAML allows one tag a node, so use the long form.
      mapping(new Mapping(Map.of(fn.function(), fn.argument())), indent);
    } else {
      throw new IllegalStateException("not a block value: " + value);
    }
  }

  private void literal(String text, int indent) {
    String chomp = text.endsWith("\n") ? "" : "-";
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    out.append(" |").append(chomp).append('\n');
    for (String line : body.split("\n", -1)) {
      if (line.isEmpty()) {
        out.append('\n');
      } else {
        pad(indent).append(line).append('\n');
      }
    }
  }

  /** The one-line form of a value, or {@code null} when it needs a block. */
  private static String inline(Value value) {
    if (value instanceof Str s) {
      return asLiteral(s.value()) ? null : scalar(s.value(), false);
    } else if (value instanceof Mapping m && m.isEmpty()) {
      return "{}";
    } else if (value instanceof Seq s && s.items().isEmpty()) {
      return "[]";
    } else if (value instanceof Fn fn) {
      if (fn.argument() instanceof Str s && !(fn instanceof Fn.GetAtt)) {
        return asLiteral(s.value()) ? null : fn.tag() + " " + scalar(s.value(), false);
      }
      String flow = flow(fn);
      return flow != null && flow.length() <= FLOW_WIDTH ? flow : null;
    } else if (value instanceof Mapping || value instanceof Seq) {
      return null;
    }
    return flow(value);
  }

  /** The flow form of a value ({@code [a, !Ref b]}), or {@code null} when it cannot have one. */
  private static String flow(Value value) {
    return value.accept(FLOW);
  }

  private static final Value.Visitor<String> FLOW = new Value.Visitor<>() {
    public String str(Str s) {
      return scalar(s.value(), true);
    }

    public String num(Num n) {
      return n.literal();
    }

    public String bool(Bool b) {
      return Boolean.toString(b.value());
    }

    public String nul(Null n) {
      return "null";
    }

    public String seq(Seq seq) {
      StringJoiner items = new StringJoiner(", ", "[", "]");
      for (Value item : seq.items()) {
        String f = flow(item);
        if (f == null) {
          return null;
        }
        items.add(f);
      }
      return items.toString();
    }

    public String mapping(Mapping m) {
      StringJoiner entries = new StringJoiner(", ", "{", "}");
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        String f = flow(e.getValue());
        if (f == null) {
          return null;
        }
        entries.add(scalar(e.getKey(), true) + ": " + f);
      }
      return entries.toString();
    }

    public String fn(Fn fn) {
      if (fn instanceof Fn.GetAtt g) {
        return "!GetAtt " + g.resource() + "." + g.attribute();
      }
      String argument = flow(fn.argument());
      if (argument == null) {
        return null;
      }
      return fn.argument() instanceof Fn ? "{" + fn.function() + ": " + argument + "}" : fn.tag() + " " + argument;
    }
  };

  /** Multi-line text reads best as a literal block, where YAML can keep it exactly. */
  private static boolean asLiteral(String text) {
    if (text.indexOf('\n') < 0 || text.startsWith(" ") || text.startsWith("\n") || text.endsWith("\n\n")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\n' && (c < 0x20 || c == 0x7f)) {
        return false;
      }
    }
    return true;
  }

  /** A scalar, plain where YAML reads it back as this same string, else single- or double-quoted. */
  static String scalar(String text, boolean inFlow) {
    if (isPlainSafe(text, inFlow)) {
      return text;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
        return doubleQuoted(text);
      }
    }
    return "'" + text.replace("'", "''") + "'";
  }

  private static boolean isPlainSafe(String text, boolean inFlow) {
    if (inFlow || text.length() > 64) {
      return checkPlainSafe(text, inFlow);
    }
    Boolean known = PLAIN.get(text);
    if (known == null) {
      known = checkPlainSafe(text, false);
      if (PLAIN.size() < PLAIN_CACHE_LIMIT) {
        PLAIN.put(text, known);
      }
    }
    return known;
  }

  private static boolean checkPlainSafe(String text, boolean inFlow) {
    if (text.isEmpty() || Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
      return false;
    }
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(text.charAt(0)) >= 0 || text.endsWith(":")) {
      return false;
    }
    if (text.contains(": ") || text.contains(" #") || text.contains(":\t")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f || c > 0x7e && !Character.isLetterOrDigit(c) || inFlow && ",[]{}".indexOf(c) >= 0) {
        return false;
      }
    }
    return RESOLVER.resolve(NodeId.scalar, text, true).equals(Tag.STR);
  }

  private static String doubleQuoted(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private StringBuilder pad(int indent) {
    return out.append(" ".repeat(indent));
  }
}
