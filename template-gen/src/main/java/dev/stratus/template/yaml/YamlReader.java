package dev.stratus.template.yaml;

import dev.stratus.template.Fn;
import dev.stratus.template.TemplateException;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Num;
import dev.stratus.template.Value.Seq;
import dev.stratus.template.Value.Str;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads CloudFormation YAML (or JSON) into {@link Value}s. Intrinsics are read in both the short form
 * ({@code !Ref X}) and the long form ({@code {Ref: X}}). Works on SnakeYAML's node graph because a data
 * binder (Jackson included) drops the {@code !Ref}-style tags.
 */
public final class YamlReader {

  /** What was read, with the 1-based line of each mapping key by path ({@code "Resources/FilesTable"}). */
  public record Document(Value root, Map<String, Integer> lines) {
    public int lineOf(String path) {
      return lines.getOrDefault(path, 0);
    }
  }

  private static final int LINE_DEPTH = 3;
  /** Immutable once built, so one serves every read; building one per read dominated the processor's time. */
  private static final Resolver RESOLVER = new Resolver();
  private static final Pattern SIMPLE_REF = Pattern.compile("!Ref ([A-Za-z0-9:.]+)");
  private static final Pattern SIMPLE_GETATT = Pattern.compile("!GetAtt ([A-Za-z0-9]+)\\.([A-Za-z0-9.]+)");

  private YamlReader() {}

  /** Reads one YAML document; empty text reads as an empty mapping. */
  public static Document read(String text) {
    Node node;
    try {
      node = compose(text);
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
      throw mark == null ? new TemplateException(problem, 0)
          : new TemplateException(problem, mark.getLine() + 1, mark.getColumn() + 1);
    } catch (YAMLException e) {
      throw new TemplateException(e.getMessage(), 0);
    }
    Map<String, Integer> lines = new HashMap<>();
    Value root = node == null ? Mapping.EMPTY : convert(node, "", 0, lines);
    return new Document(root, lines);
  }

  /**
   * SnakeYAML's node graph of one document, built with the composer and the shared resolver only: its
   * {@code Yaml} front end costs ~80 ms of class loading in a cold JVM.
   */
  public static Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(16 * 1024 * 1024);
    return new Composer(new ParserImpl(new StreamReader(new StringReader(text)), options), RESOLVER, options)
        .getSingleNode();
  }

  /** Where a node stands in its text, both from 1. */
  public record Position(int line, int column) {}

  /**
   * The line (from 1) where {@code path} ({@code [CorsRules, 0, AllowedMethod]}) stands in {@code text}: the
   * line of its key where the last step is a key, else of its item; 0 when the text does not hold it.
   */
  public static int lineOf(String text, List<String> path) {
    List<Node> found = walk(text, path);
    return found.size() == path.size() && !found.isEmpty() ? line(found.get(found.size() - 1)) : 0;
  }

  /**
   * Where the longest leading part of {@code path} that {@code text} holds stands, as {@link #lineOf} finds
   * it: a problem about a key that is missing points at the mapping that lacks it. Null when not even the
   * first step is there (or the text does not parse).
   */
  public static Position position(String text, List<String> path) {
    List<Node> found = walk(text, path);
    if (found.isEmpty()) {
      return null;
    }
    Mark mark = found.get(found.size() - 1).getStartMark();
    return mark == null ? null : new Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** The key (or item) node of each step of {@code path} the text holds, as far as it holds them. */
  private static List<Node> walk(String text, List<String> path) {
    List<Node> found = new ArrayList<>();
    Node node;
    try {
      node = compose(text);
    } catch (RuntimeException e) {
      return found;
    }
    for (String step : path) {
      Node at = null;
      if (node instanceof MappingNode m) {
        for (NodeTuple t : m.getValue()) {
          if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(step)) {
            at = t.getKeyNode();
            node = t.getValueNode();
          }
        }
      } else if (node instanceof SequenceNode seq && !step.isEmpty() && step.chars().allMatch(Character::isDigit)
          && Integer.parseInt(step) < seq.getValue().size()) {
        at = node = seq.getValue().get(Integer.parseInt(step));
      }
      if (at == null) {
        break;
      }
      found.add(at);
    }
    return found;
  }

  /** Reads a single value such as {@code "!Ref FilesTable"} or {@code "[a, b]"}. */
  public static Value readValue(String text) {
    // The two forms annotations use most, without a YAML parser.
    Matcher ref = SIMPLE_REF.matcher(text);
    if (ref.matches()) {
      return Fn.ref(ref.group(1));
    }
    Matcher getAtt = SIMPLE_GETATT.matcher(text);
    if (getAtt.matches()) {
      return Fn.getAtt(getAtt.group(1), getAtt.group(2));
    }
    return read(text).root();
  }

  private static Value convert(Node node, String path, int depth, Map<String, Integer> lines) {
    String tag = node.getTag().getValue();
    if (tag.startsWith("!") && !tag.startsWith("!!")) {
      Value argument = content(node, path, depth, lines, true);
      return function(tag.substring(1), argument, node);
    }
    return content(node, path, depth, lines, false);
  }

  private static Value content(Node node, String path, int depth, Map<String, Integer> lines, boolean tagged) {
    if (node instanceof ScalarNode scalar) {
      return tagged ? new Str(scalar.getValue()) : scalar(scalar);
    }
    if (node instanceof SequenceNode seq) {
      List<Value> items = new ArrayList<>();
      for (Node item : seq.getValue()) {
        items.add(convert(item, path, depth + 1, lines));
      }
      return new Seq(items);
    }
    MappingNode map = (MappingNode) node;
    Map<String, Value> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : map.getValue()) {
      if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
        throw new TemplateException("mapping keys must be plain names", line(tuple.getKeyNode()));
      }
      if (key.getValue().equals("<<")) {
        throw new TemplateException("YAML merge keys (<<) are not supported in templates; write the keys out", line(key));
      }
      if (entries.containsKey(key.getValue())) {
        throw new TemplateException("duplicate key " + key.getValue(), line(key));
      }
      String childPath = path.isEmpty() ? key.getValue() : path + "/" + key.getValue();
      if (depth < LINE_DEPTH) {
        lines.put(childPath, line(key));
      }
      entries.put(key.getValue(), convert(tuple.getValueNode(), childPath, depth + 1, lines));
    }
    if (!tagged && Fn.isSingleFunctionMapping(entries)) {
      Map.Entry<String, Value> only = entries.entrySet().iterator().next();
      return function(only.getKey(), only.getValue(), node);
    }
    return new Mapping(entries);
  }

  private static Value function(String name, Value argument, Node node) {
    String function = name.equals("Ref") || name.equals("Condition") || name.startsWith("Fn::") ? name : "Fn::" + name;
    try {
      return Fn.of(function, argument);
    } catch (IllegalArgumentException e) {
      throw new TemplateException(e.getMessage(), line(node));
    }
  }

  private static Value scalar(ScalarNode node) {
    Tag tag = node.getTag();
    String text = node.getValue();
    if (tag.equals(Tag.BOOL)) {
      String lower = text.toLowerCase(java.util.Locale.ROOT);
      return Value.bool(lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y"));
    }
    if (tag.equals(Tag.NULL)) {
      return Value.Null.INSTANCE;
    }
    if (tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) {
      try {
        return new Num(text.replace("_", ""));
      } catch (NumberFormatException e) {
        return new Str(text); // 0x1F, .inf and the like: keep them as written
      }
    }
    return new Str(text);
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }
}
