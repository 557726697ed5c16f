package dev.stratus.local;

import dev.stratus.template.Fn;
import dev.stratus.template.FunctionUrlConfig;
import dev.stratus.template.Parameter;
import dev.stratus.template.PseudoParameter;
import dev.stratus.template.Resource;
import dev.stratus.template.SamNames;
import dev.stratus.template.Template;
import dev.stratus.template.TemplateException;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.yaml.TemplateYaml;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The template as it deploys on this machine: parameter values, which conditions hold, which resources
 * exist, the local names of buckets, tables and functions, and the values of intrinsic functions.
 */
final class LocalStack {
  static final String REGION = "us-east-1";
  static final String ACCOUNT = "000000000000";
  /** Stands for {@code !Ref AWS::NoValue}: the key is dropped. */
  static final Object NO_VALUE = new Object();

  final Path templateDir;
  final Template template;
  final String stackName;
  final Map<String, String> parameters = new LinkedHashMap<>();
  final Map<String, Resource> resources = new LinkedHashMap<>();
  /** Filled as conditions are read, by the servers starting side by side. */
  private final Map<String, Boolean> conditions = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, String> physicalNames = new LinkedHashMap<>();
  /** The local address of each function URL, by the URL's logical id. */
  private final Map<String, String> functionUrls = new LinkedHashMap<>();
  final List<String> notices = new ArrayList<>();
  /** The local SQS server, which a queue's URL names; set once it listens, before any value is evaluated. */
  URI sqsEndpoint;

  private LocalStack(Path templateDir, Template template, String stackName) {
    this.templateDir = templateDir;
    this.template = template;
    this.stackName = stackName;
  }

  static LocalStack load(Path file, Map<String, String> overrides, String stackName) {
    if (!Files.isRegularFile(file)) {
      throw new LocalException("no template at " + file + "; build it first (mvn -B package -DskipTests)");
    }
    Template template;
    try {
      template = TemplateYaml.read(Files.readString(file));
    } catch (TemplateException e) {
      throw new LocalException(e.describe(file.toString()));
    } catch (IOException e) {
      throw new LocalException("cannot read " + file + ": " + e.getMessage());
    }
    LocalStack stack = new LocalStack(file.toAbsolutePath().getParent(), template, stackName);
    stack.resolveParameters(overrides);
    template.conditions().keySet().forEach(stack::condition);
    template.resources().forEach((id, r) -> {
      if (r.condition() == null || stack.condition(r.condition())) {
        stack.resources.put(id, r);
      }
    });
    stack.resources.forEach((id, r) -> stack.physicalNames.put(id, stack.physicalName(id, r)));
    return stack;
  }

  private void resolveParameters(Map<String, String> overrides) {
    for (String name : overrides.keySet()) {
      if (!template.parameters().containsKey(name)) {
        throw new LocalException("--parameter " + name + ": the template has no such parameter; it has "
            + String.join(", ", template.parameters().keySet()));
      }
    }
    template.parameters().forEach((name, p) -> {
      String value = overrides.get(name);
      if (value == null && p.defaultValue() != null) {
        value = String.valueOf(evaluate(p.defaultValue()));
      }
      if (value == null) {
        value = (stackName + "-" + name).toLowerCase(Locale.ROOT);
        notices.add("parameter " + name + " has no default; using '" + value + "' (set --parameter " + name + "=...)");
      }
      if (!p.allowedValues().isEmpty() && !p.allowedValues().contains(value)) {
        throw new LocalException("parameter " + name + " is '" + value + "'; allowed: " + String.join(", ", p.allowedValues()));
      }
      parameters.put(name, value);
    });
  }

  boolean condition(String name) {
    Boolean known = conditions.get(name);
    if (known == null) {
      Value v = template.conditions().get(name);
      if (v == null) {
        throw new LocalException("condition " + name + " is not defined in the template");
      }
      known = truth(v);
      conditions.put(name, known);
    }
    return known;
  }

  private boolean truth(Value v) {
    if (v instanceof Fn.Equals e) {
      return String.valueOf(evaluate(e.left())).equals(String.valueOf(evaluate(e.right())));
    } else if (v instanceof Fn.Not n) {
      return !truth(n.condition());
    } else if (v instanceof Fn.And a) {
      return a.conditions().stream().allMatch(this::truth);
    } else if (v instanceof Fn.Or o) {
      return o.conditions().stream().anyMatch(this::truth);
    } else if (v instanceof Fn.Condition c) {
      return condition(c.name());
    }
    return Boolean.parseBoolean(String.valueOf(evaluate(v)));
  }

  /** Bucket and table names as the template gives them, else unique to this stack, as CloudFormation makes them. */
  private String physicalName(String id, Resource r) {
    String property = switch (r.type()) {
      case "AWS::S3::Bucket" -> "BucketName";
      case "AWS::DynamoDB::Table" -> "TableName";
      case "AWS::SQS::Queue" -> "QueueName";
      case "AWS::SNS::Topic" -> "TopicName";
      case "AWS::Events::EventBus", "AWS::Kinesis::Stream" -> "Name";
      case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "FunctionName";
      default -> null;
    };
    Value given = property == null ? null : r.properties().get(property);
    if (given != null) {
      return String.valueOf(evaluate(given));
    }
    String name = stackName + "-" + id;
    if (r.type().equals("AWS::SQS::Queue") && r.properties().get("FifoQueue") != null
        && Boolean.parseBoolean(String.valueOf(evaluate(r.properties().get("FifoQueue"))))) {
      return name + ".fifo";
    }
    return r.type().equals("AWS::S3::Bucket") ? name.toLowerCase(Locale.ROOT) : name;
  }

  String physicalName(String id) {
    return physicalNames.get(id);
  }

  /** Evaluates a value to plain Java: strings, numbers, booleans, lists and maps; {@link #NO_VALUE} to drop. */
  Object evaluate(Value v) {
    return v.accept(evaluator);
  }

  private final Value.Visitor<Object> evaluator = new Value.Visitor<>() {
    public Object str(Value.Str v) {
      return v.value();
    }

    public Object num(Value.Num v) {
      return v.literal();
    }

    public Object bool(Value.Bool v) {
      return v.value();
    }

    public Object nul(Value.Null v) {
      return null;
    }

    public Object seq(Value.Seq v) {
      List<Object> out = new ArrayList<>();
      for (Value item : v.items()) {
        Object o = evaluate(item);
        if (o != NO_VALUE) {
          out.add(o);
        }
      }
      return out;
    }

    public Object mapping(Mapping v) {
      Map<String, Object> out = new LinkedHashMap<>();
      v.entries().forEach((k, item) -> {
        Object o = evaluate(item);
        if (o != NO_VALUE) {
          out.put(k, o);
        }
      });
      return out;
    }

    public Object fn(Fn fn) {
      return function(fn);
    }
  };

  private Object function(Fn fn) {
    if (fn instanceof Fn.Ref r) {
      return ref(r.target());
    } else if (fn instanceof Fn.GetAtt g) {
      return getAtt(g.resource(), g.attribute());
    } else if (fn instanceof Fn.Sub s) {
      StringBuilder b = new StringBuilder();
      for (Fn.Sub.Part part : s.parts()) {
        if (part instanceof Fn.Sub.Text t) {
          b.append(t.text());
        } else if (part instanceof Fn.Sub.Local l) {
          b.append(evaluate(l.value()));
        } else if (part instanceof Fn.Sub.Reference r) {
          b.append(function(r.target()));
        }
      }
      return b.toString();
    } else if (fn instanceof Fn.Join j) {
      List<String> parts = new ArrayList<>();
      ((List<?>) evaluate(j.values())).forEach(p -> parts.add(String.valueOf(p)));
      return String.join(j.delimiter(), parts);
    } else if (fn instanceof Fn.If i) {
      return evaluate(condition(i.condition()) ? i.whenTrue() : i.whenFalse());
    } else if (fn instanceof Fn.Select s) {
      List<?> items = (List<?>) evaluate(s.values());
      return items.get(Integer.parseInt(String.valueOf(evaluate(s.index()))));
    } else if (fn instanceof Fn.Split s) {
      return List.of(String.valueOf(evaluate(s.source())).split(Pattern.quote(s.delimiter()), -1));
    } else if (fn instanceof Fn.GetAZs) {
      return List.of(REGION + "a", REGION + "b", REGION + "c");
    } else if (fn instanceof Fn.Base64 b) {
      return java.util.Base64.getEncoder().encodeToString(String.valueOf(evaluate(b.text())).getBytes(
          java.nio.charset.StandardCharsets.UTF_8));
    } else if (fn instanceof Fn.FindInMap f) {
      Mapping map = template.mappings().get(String.valueOf(evaluate(f.mapName())));
      Mapping top = (Mapping) map.get(String.valueOf(evaluate(f.topLevelKey())));
      return evaluate(top.get(String.valueOf(evaluate(f.secondLevelKey()))));
    }
    throw new LocalException(fn.function() + " is not supported by the local runtime");
  }

  Object ref(String name) {
    PseudoParameter pseudo = PseudoParameter.of(name).orElse(null);
    if (pseudo != null) {
      return switch (pseudo) {
        case REGION -> REGION;
        case ACCOUNT_ID -> ACCOUNT;
        case STACK_NAME -> stackName;
        case STACK_ID -> "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + stackName + "/local";
        case PARTITION -> "aws";
        case URL_SUFFIX -> "amazonaws.com";
        case NOTIFICATION_ARNS -> List.of();
        case NO_VALUE -> NO_VALUE;
      };
    }
    if (parameters.containsKey(name)) {
      Parameter p = template.parameters().get(name);
      String value = parameters.get(name);
      return p.type().startsWith("List<") || p.type().equals("CommaDelimitedList") ? List.of(value.split(",")) : value;
    }
    Resource r = resources.get(name);
    if (r != null && r.type().equals("AWS::SQS::Queue")) {
      return queueUrl(physicalNames.get(name));
    }
    if (r != null && r.type().equals("AWS::SNS::Topic")) {
      return getAtt(name, "Arn");
    }
    String physical = physicalNames.get(SamNames.base(name));
    return physical != null ? physical : name;
  }

  /** A queue's URL on the local SQS server, as SQS forms them: endpoint, account, name. */
  String queueUrl(String queueName) {
    if (sqsEndpoint == null) {
      throw new IllegalStateException("the local SQS server has not started");
    }
    return sqsEndpoint + "/" + ACCOUNT + "/" + queueName;
  }

  /** The attributes of a table's key schema, in its order (the hash key first); none for no table of the stack. */
  List<String> keyNames(String tableId) {
    Resource table = resources.get(tableId);
    Value schema = table == null ? null : table.properties().get("KeySchema");
    return schema != null && evaluate(schema) instanceof List<?> keys
        ? keys.stream().map(k -> String.valueOf(((Map<?, ?>) k).get("AttributeName"))).toList() : List.of();
  }

  /** Says where the URL of {@code functionId} is served here, which {@code !GetAtt FnUrl.FunctionUrl} gives. */
  void functionUrl(String functionId, URI url) {
    functionUrls.put(FunctionUrlConfig.resourceId(functionId), url.toString());
  }

  Object getAtt(String id, String attribute) {
    if (attribute.equals("FunctionUrl") && functionUrls.containsKey(id)) {
      return functionUrls.get(id);
    }
    Resource r = resources.get(id);
    String name = physicalNames.getOrDefault(id, id);
    if (r != null && r.type().equals("AWS::SQS::Queue") && attribute.equals("QueueUrl")) {
      return queueUrl(name);
    }
    if (r != null && r.type().equals("AWS::DynamoDB::Table") && attribute.equals("StreamArn")) {
      return getAtt(id, "Arn") + "/stream/1970-01-01T00:00:00.000";
    }
    if (r == null || !attribute.equals("Arn") && !attribute.equals("TopicArn")) {
      return name;
    }
    return switch (r.type()) {
      case "AWS::S3::Bucket" -> "arn:aws:s3:::" + name;
      case "AWS::DynamoDB::Table" -> "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/" + name;
      case "AWS::SQS::Queue" -> "arn:aws:sqs:" + REGION + ":" + ACCOUNT + ":" + name;
      case "AWS::SNS::Topic" -> "arn:aws:sns:" + REGION + ":" + ACCOUNT + ":" + name;
      case "AWS::Events::EventBus" -> eventBusArn(name);
      case "AWS::Kinesis::Stream" -> kinesisStreamArn(name);
      case "AWS::Serverless::Function", "AWS::Lambda::Function" -> "arn:aws:lambda:" + REGION + ":" + ACCOUNT
          + ":function:" + name;
      default -> "arn:aws:local:" + REGION + ":" + ACCOUNT + ":" + id;
    };
  }

  static String kinesisStreamArn(String name) {
    return "arn:aws:kinesis:" + REGION + ":" + ACCOUNT + ":stream/" + name;
  }

  static String eventBusArn(String name) {
    return "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + name;
  }

  /** Resources of one type that exist here, in template order. */
  Map<String, Resource> ofType(String type) {
    Map<String, Resource> out = new LinkedHashMap<>();
    resources.forEach((id, r) -> {
      if (r.type().equals(type)) {
        out.put(id, r);
      }
    });
    return out;
  }
}
