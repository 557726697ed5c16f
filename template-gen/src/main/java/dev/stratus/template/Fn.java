package dev.stratus.template;

import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Seq;
import dev.stratus.template.Value.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions, named as CloudFormation names them. Each knows its function name
 * ({@code Ref}, {@code Fn::GetAtt}, …) and its argument in the long form; the YAML writer picks the short form.
 */
public sealed interface Fn extends Value {

  /** {@code Ref}, {@code Fn::GetAtt}, {@code Condition}, … */
  String function();

  /** The argument as CloudFormation's long form spells it. */
  Value argument();

  default <R> R accept(Value.Visitor<R> visitor) {
    return visitor.fn(this);
  }

  /** The YAML short-form tag: {@code !Ref}, {@code !GetAtt}, … */
  default String tag() {
    return "!" + function().replace("Fn::", "");
  }

  static Ref ref(String target) {
    return new Ref(target);
  }

  static GetAtt getAtt(String resource, String attribute) {
    return new GetAtt(resource, attribute);
  }

  static Sub sub(String template) {
    return new Sub(template, Mapping.EMPTY);
  }

  record Ref(String target) implements Fn {
    public Ref {
      Objects.requireNonNull(target, "target");
    }

    public String function() {
      return "Ref";
    }

    public Value argument() {
      return new Str(target);
    }
  }

  record GetAtt(String resource, String attribute) implements Fn {
    public String function() {
      return "Fn::GetAtt";
    }

    public Value argument() {
      return Value.seq(new Str(resource), new Str(attribute));
    }
  }

  /** {@code Fn::Sub}; {@code variables} is empty in the one-argument form. */
  record Sub(String template, Mapping variables) implements Fn {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    public String function() {
      return "Fn::Sub";
    }

    /** A piece of the template: text as written, or what a {@code ${…}} stands for. */
    public sealed interface Part permits Text, Local, Reference {}

    /** Literal text; {@code ${!Name}} is the escape for the text {@code ${Name}}. */
    public record Text(String text) implements Part {}

    /** {@code ${name}} naming an entry of the second argument. */
    public record Local(String name, Value value) implements Part {}

    /** {@code ${Name}} is a {@link Ref}, {@code ${Name.Attribute}} a {@link GetAtt} (pseudo parameters have '::'). */
    public record Reference(String written, Fn target) implements Part {}

    public List<Part> parts() {
      List<Part> parts = new ArrayList<>();
      Matcher m = VARIABLE.matcher(template);
      int end = 0;
      while (m.find()) {
        if (m.start() > end) {
          parts.add(new Text(template.substring(end, m.start())));
        }
        String name = m.group(1).trim();
        int dot = name.indexOf('.');
        if (name.startsWith("!")) {
          parts.add(new Text("${" + name.substring(1) + "}"));
        } else if (variables.entries().containsKey(name)) {
          parts.add(new Local(name, variables.get(name)));
        } else if (dot > 0 && !name.startsWith("AWS::")) {
          parts.add(new Reference(m.group(), new GetAtt(name.substring(0, dot), name.substring(dot + 1))));
        } else {
          parts.add(new Reference(m.group(), new Ref(name)));
        }
        end = m.end();
      }
      if (end < template.length()) {
        parts.add(new Text(template.substring(end)));
      }
      return parts;
    }

    public Value argument() {
      return variables.isEmpty() ? new Str(template) : Value.seq(new Str(template), variables);
    }
  }

  record Join(String delimiter, Value values) implements Fn {
    public String function() {
      return "Fn::Join";
    }

    public Value argument() {
      return Value.seq(new Str(delimiter), values);
    }
  }

  record Select(Value index, Value values) implements Fn {
    public String function() {
      return "Fn::Select";
    }

    public Value argument() {
      return Value.seq(index, values);
    }
  }

  record Split(String delimiter, Value source) implements Fn {
    public String function() {
      return "Fn::Split";
    }

    public Value argument() {
      return Value.seq(new Str(delimiter), source);
    }
  }

  record If(String condition, Value whenTrue, Value whenFalse) implements Fn {
    public String function() {
      return "Fn::If";
    }

    public Value argument() {
      return Value.seq(new Str(condition), whenTrue, whenFalse);
    }
  }

  record Equals(Value left, Value right) implements Fn {
    public String function() {
      return "Fn::Equals";
    }

    public Value argument() {
      return Value.seq(left, right);
    }
  }

  record Not(Value condition) implements Fn {
    public String function() {
      return "Fn::Not";
    }

    public Value argument() {
      return Value.seq(condition);
    }
  }

  record And(List<Value> conditions) implements Fn {
    public And {
      conditions = List.copyOf(conditions);
    }

    public String function() {
      return "Fn::And";
    }

    public Value argument() {
      return new Seq(conditions);
    }
  }

  record Or(List<Value> conditions) implements Fn {
    public Or {
      conditions = List.copyOf(conditions);
    }

    public String function() {
      return "Fn::Or";
    }

    public Value argument() {
      return new Seq(conditions);
    }
  }

  /** A reference to a named condition inside another condition. */
  record Condition(String name) implements Fn {
    public String function() {
      return "Condition";
    }

    public Value argument() {
      return new Str(name);
    }
  }

  record FindInMap(Value mapName, Value topLevelKey, Value secondLevelKey) implements Fn {
    public String function() {
      return "Fn::FindInMap";
    }

    public Value argument() {
      return Value.seq(mapName, topLevelKey, secondLevelKey);
    }
  }

  record ImportValue(Value exportName) implements Fn {
    public String function() {
      return "Fn::ImportValue";
    }

    public Value argument() {
      return exportName;
    }
  }

  record Base64(Value text) implements Fn {
    public String function() {
      return "Fn::Base64";
    }

    public Value argument() {
      return text;
    }
  }

  record GetAZs(Value region) implements Fn {
    public String function() {
      return "Fn::GetAZs";
    }

    public Value argument() {
      return region;
    }
  }

  record Cidr(Value ipBlock, Value count, Value cidrBits) implements Fn {
    public String function() {
      return "Fn::Cidr";
    }

    public Value argument() {
      return Value.seq(ipBlock, count, cidrBits);
    }
  }

  /** Any other function ({@code Fn::Transform}, {@code Fn::Length}, …), kept as written. */
  record Other(String function, Value argument) implements Fn {}

  /** Whether {@code key} names an intrinsic function in the long form ({@code {"Fn::Join": ...}}). */
  static boolean isFunctionName(String key) {
    return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
  }

  /**
   * Builds the function named {@code function} from its argument, accepting what CloudFormation accepts
   * (e.g. {@code !GetAtt A.B} and {@code [A, B]}).
   *
   * @throws IllegalArgumentException with a message for the user when the argument has the wrong shape
   */
  static Fn of(String function, Value argument) {
    switch (function) {
      case "Ref":
        return new Ref(text(function, argument));
      case "Condition":
        return new Condition(text(function, argument));
      case "Fn::GetAtt": {
        if (argument instanceof Str s) {
          int dot = s.value().indexOf('.');
          if (dot <= 0 || dot == s.value().length() - 1) {
            throw new IllegalArgumentException(
                "!GetAtt takes 'LogicalId.Attribute', e.g. !GetAtt FilesTable.Arn; got '" + s.value() + "'");
          }
          return new GetAtt(s.value().substring(0, dot), s.value().substring(dot + 1));
        }
        List<Value> items = items(function, argument, 2, 2);
        if (items.get(0) instanceof Str r && items.get(1) instanceof Str a) {
          return new GetAtt(r.value(), a.value());
        }
        return new Other(function, argument);
      }
      case "Fn::Sub": {
        if (argument instanceof Str s) {
          return new Sub(s.value(), Mapping.EMPTY);
        }
        List<Value> items = items(function, argument, 2, 2);
        if (items.get(0) instanceof Str s && items.get(1) instanceof Mapping vars) {
          return new Sub(s.value(), vars);
        }
        throw new IllegalArgumentException("!Sub takes a string, or [string, {variables}]");
      }
      case "Fn::Join": {
        List<Value> items = items(function, argument, 2, 2);
        return new Join(text(function, items.get(0)), items.get(1));
      }
      case "Fn::Select": {
        List<Value> items = items(function, argument, 2, 2);
        return new Select(items.get(0), items.get(1));
      }
      case "Fn::Split": {
        List<Value> items = items(function, argument, 2, 2);
        return new Split(text(function, items.get(0)), items.get(1));
      }
      case "Fn::If": {
        List<Value> items = items(function, argument, 3, 3);
        return new If(text(function, items.get(0)), items.get(1), items.get(2));
      }
      case "Fn::Equals": {
        List<Value> items = items(function, argument, 2, 2);
        return new Equals(items.get(0), items.get(1));
      }
      case "Fn::Not":
        return new Not(items(function, argument, 1, 1).get(0));
      case "Fn::And":
        return new And(items(function, argument, 2, 10));
      case "Fn::Or":
        return new Or(items(function, argument, 2, 10));
      case "Fn::FindInMap": {
        List<Value> items = items(function, argument, 3, 4);
        return items.size() == 3 ? new FindInMap(items.get(0), items.get(1), items.get(2)) : new Other(function, argument);
      }
      case "Fn::ImportValue":
        return new ImportValue(argument);
      case "Fn::Base64":
        return new Base64(argument);
      case "Fn::GetAZs":
        return new GetAZs(argument);
      case "Fn::Cidr": {
        List<Value> items = items(function, argument, 3, 3);
        return new Cidr(items.get(0), items.get(1), items.get(2));
      }
      default:
        return new Other(function, argument);
    }
  }

  private static String text(String function, Value argument) {
    if (argument instanceof Str s) {
      return s.value();
    }
    throw new IllegalArgumentException(shortName(function) + " takes a name here, not " + describe(argument));
  }

  private static List<Value> items(String function, Value argument, int min, int max) {
    if (!(argument instanceof Seq seq)) {
      throw new IllegalArgumentException(shortName(function) + " takes a list, e.g. " + shortName(function) + " [a, b]; got " + describe(argument));
    }
    int n = seq.items().size();
    if (n < min || n > max) {
      String count = min == max ? Integer.toString(min) : min + " to " + max;
      throw new IllegalArgumentException(shortName(function) + " takes " + count + " items; got " + n);
    }
    return new ArrayList<>(seq.items());
  }

  private static String shortName(String function) {
    return "!" + function.replace("Fn::", "");
  }

  private static String describe(Value value) {
    if (value instanceof Str) {
      return "a string";
    } else if (value instanceof Seq) {
      return "a list";
    } else if (value instanceof Mapping || value instanceof Fn) {
      return "a mapping";
    }
    return "a scalar";
  }

  /** Whether a mapping is the long form of one intrinsic function, e.g. {@code {"Fn::Join": [...]}}. */
  static boolean isSingleFunctionMapping(Map<String, Value> entries) {
    return entries.size() == 1 && isFunctionName(entries.keySet().iterator().next());
  }
}
