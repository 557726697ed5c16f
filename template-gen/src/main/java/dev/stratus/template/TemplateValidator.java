package dev.stratus.template;

import dev.stratus.template.Problem.Rule;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Num;
import dev.stratus.template.Value.Seq;
import dev.stratus.template.Value.Str;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a whole template against CloudFormation's and SAM's own rules: names, references, conditions,
 * limits and event sources. Collects every problem; never throws for a user's mistake.
 */
public final class TemplateValidator {
  public static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
      "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
  public static final int MAX_RESOURCES = 500;
  public static final int MAX_PARAMETERS = 200;
  public static final int MAX_OUTPUTS = 200;
  public static final int MAX_MAPPINGS = 200;

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Template template;
  private final List<Problem> problems = new ArrayList<>();
  /** Names a {@code Ref} may take: parameters, resources, pseudo parameters and what SAM generates. */
  private final Set<String> refNames = new HashSet<>();
  /** Logical ids a {@code GetAtt} may take. */
  private final Set<String> resourceIds = new HashSet<>();

  private TemplateValidator(Template template) {
    this.template = template;
    refNames.addAll(template.parameters().keySet());
    refNames.addAll(PSEUDO_PARAMETERS);
    resourceIds.addAll(template.resources().keySet());
    if (template.isServerless()) {
      addSamGeneratedNames();
    }
    refNames.addAll(resourceIds);
  }

  public static List<Problem> validate(Template template) {
    TemplateValidator v = new TemplateValidator(template);
    v.run();
    return List.copyOf(v.problems);
  }

  private void run() {
    checkIds("Parameters", template.parameters().keySet());
    checkIds("Mappings", template.mappings().keySet());
    checkIds("Conditions", template.conditions().keySet());
    checkIds("Resources", template.resources().keySet());
    checkIds("Outputs", template.outputs().keySet());
    checkLimit("Resources", template.resources().size(), MAX_RESOURCES);
    checkLimit("Parameters", template.parameters().size(), MAX_PARAMETERS);
    checkLimit("Outputs", template.outputs().size(), MAX_OUTPUTS);
    checkLimit("Mappings", template.mappings().size(), MAX_MAPPINGS);
    if (!template.globals().isEmpty() && !template.isServerless()) {
      problems.add(new Problem(Rule.GlobalsWithoutTransform, List.of("Globals"),
          "Globals needs 'Transform: " + Template.SERVERLESS_TRANSFORM + "'"));
    }
    template.conditions().forEach((name, condition) -> walk(condition, path("Conditions", name), true));
    template.resources().forEach(this::checkResource);
    template.outputs().forEach((name, output) -> {
      List<String> p = path("Outputs", name);
      checkConditionName(output.condition(), append(p, "Condition"));
      walk(output.value(), p, false);
      if (output.exportName() != null) {
        walk(output.exportName(), p, false);
      }
    });
    walk(template.globals(), List.of("Globals"), false);
  }

  private void checkResource(String id, Resource resource) {
    List<String> p = path("Resources", id);
    checkConditionName(resource.condition(), append(p, "Condition"));
    for (String dependency : resource.dependsOn()) {
      if (!template.resources().containsKey(dependency)) {
        problems.add(new Problem(Rule.UnknownReference, append(p, "DependsOn"), "DependsOn '" + dependency + "' names no resource"
            + Names.suggestion(dependency, template.resources().keySet())));
      }
    }
    walk(resource.properties(), append(p, "Properties"), false);
    walk(resource.other(), p, false);
    if (resource.type().equals(Resource.SERVERLESS_FUNCTION)
        && resource.properties().get("Events") instanceof Mapping events) {
      events.entries().forEach((name, event) -> {
        if (event instanceof Mapping e && e.get("Type") instanceof Str type && e.get("Properties") instanceof Mapping props) {
          checkEvent(type.value(), props, List.of("Resources", id, "Properties", "Events", name));
        }
      });
    }
  }

  private void checkEvent(String type, Mapping props, List<String> p) {
    switch (type) {
      case "Api", "HttpApi" -> {
        if (props.get("Method") instanceof Str method) {
          SamEvents.checkMethod(method.value()).ifPresent(m -> problems.add(new Problem(Rule.InvalidHttpRoute, p, m)));
        }
        if (props.get("Path") instanceof Str path) {
          SamEvents.checkPath(path.value()).ifPresent(m -> problems.add(new Problem(Rule.InvalidHttpRoute, p, m)));
        }
        String apiKey = type.equals("Api") ? "RestApiId" : "ApiId";
        String apiType = type.equals("Api") ? "AWS::Serverless::Api" : "AWS::Serverless::HttpApi";
        if (props.get(apiKey) instanceof Fn.Ref ref) {
          expectType(ref.target(), apiType, p, apiKey);
        }
      }
      case "Schedule", "ScheduleV2" -> {
        if (props.get(type.equals("Schedule") ? "Schedule" : "ScheduleExpression") instanceof Str expression) {
          SamEvents.checkSchedule(expression.value()).ifPresent(m -> problems.add(new Problem(Rule.InvalidSchedule, p, m)));
        }
      }
      case "S3" -> {
        if (props.get("Bucket") instanceof Fn.Ref ref) {
          expectType(ref.target(), "AWS::S3::Bucket", p, "Bucket");
        } else {
          problems.add(new Problem(Rule.InvalidEventSource, p,
              "an S3 event's Bucket must be !Ref to an AWS::S3::Bucket declared in this template (SAM requires it)"));
        }
      }
      case "SQS", "Kinesis", "DynamoDB" -> {
        if (props.get("BatchSize") instanceof Num n) {
          long size = new java.math.BigDecimal(n.literal()).longValue();
          SamEvents.checkBatchSize(size, SamEvents.MAX_SQS_BATCH)
              .ifPresent(m -> problems.add(new Problem(Rule.InvalidBatchSize, p, m)));
        }
        if (type.equals("SQS") && props.get("Queue") instanceof Fn.GetAtt queue) {
          expectType(queue.resource(), "AWS::SQS::Queue", p, "Queue");
        }
      }
      case "SNS" -> {
        if (props.get("Topic") instanceof Fn.Ref ref) {
          expectType(ref.target(), "AWS::SNS::Topic", p, "Topic");
        }
      }
      default -> { }
    }
  }

  private void expectType(String id, String type, List<String> p, String property) {
    Resource target = template.resources().get(id);
    if (target != null && !target.type().equals(type)) {
      problems.add(new Problem(Rule.InvalidEventSource, p,
          property + " '" + id + "' is " + target.type() + ", not " + type));
    }
  }

  /** Checks every reference inside {@code value}; in a condition only parameters may be referenced. */
  private void walk(Value value, List<String> p, boolean inCondition) {
    if (value instanceof Mapping m) {
      m.entries().forEach((k, v) -> walk(v, append(p, k), inCondition));
    } else if (value instanceof Seq s) {
      s.items().forEach(item -> walk(item, p, inCondition));
    } else if (value instanceof Fn fn) {
      checkFunction(fn, p, inCondition);
      if (fn instanceof Fn.Sub sub) {
        sub.variables().entries().values().forEach(v -> walk(v, p, inCondition));
      } else if (!(fn instanceof Fn.Ref || fn instanceof Fn.GetAtt || fn instanceof Fn.Condition)) {
        walk(fn.argument(), p, inCondition);
      }
    }
  }

  private void checkFunction(Fn fn, List<String> p, boolean inCondition) {
    if (fn instanceof Fn.Ref ref) {
      checkRef(ref.target(), "!Ref " + ref.target(), p, inCondition);
    } else if (fn instanceof Fn.GetAtt att) {
      checkGetAtt(att.resource(), "!GetAtt " + att.resource() + "." + att.attribute(), p);
    } else if (fn instanceof Fn.Sub sub) {
      Matcher m = SUB_VARIABLE.matcher(sub.template());
      while (m.find()) {
        String variable = m.group(1).trim();
        if (variable.startsWith("!") || sub.variables().entries().containsKey(variable)) {
          continue;
        }
        int dot = variable.indexOf('.');
        if (dot > 0 && !variable.startsWith("AWS::")) {
          checkGetAtt(variable.substring(0, dot), "${" + variable + "} in !Sub", p);
        } else {
          checkRef(variable, "${" + variable + "} in !Sub", p, inCondition);
        }
      }
    } else if (fn instanceof Fn.If f) {
      checkConditionName(f.condition(), p);
    } else if (fn instanceof Fn.Condition c) {
      checkConditionName(c.name(), p);
    } else if (fn instanceof Fn.FindInMap f && f.mapName() instanceof Str name
        && !template.mappings().containsKey(name.value())) {
      problems.add(new Problem(Rule.UnknownReference, p, "!FindInMap names no mapping '" + name.value() + "'"
          + Names.suggestion(name.value(), template.mappings().keySet())));
    }
  }

  private void checkRef(String target, String written, List<String> p, boolean inCondition) {
    if (inCondition) {
      if (!template.parameters().containsKey(target) && !PSEUDO_PARAMETERS.contains(target)) {
        problems.add(new Problem(Rule.InvalidReference, p, written
            + ": a condition may only refer to parameters and pseudo parameters" + Names.suggestion(target,
            template.parameters().keySet())));
      }
    } else if (!refNames.contains(target)) {
      problems.add(new Problem(Rule.UnknownReference, p, written
          + " names no parameter, resource or pseudo parameter of the template" + Names.suggestion(target, refNames)));
    }
  }

  private void checkGetAtt(String resource, String written, List<String> p) {
    if (!resourceIds.contains(resource)) {
      problems.add(new Problem(Rule.UnknownReference, p, written + " names no resource of the template"
          + Names.suggestion(resource, resourceIds)));
    }
  }

  private void checkConditionName(String name, List<String> p) {
    if (name != null && !template.conditions().containsKey(name)) {
      problems.add(new Problem(Rule.UnknownCondition, p, "condition '" + name + "' is not defined"
          + Names.suggestion(name, template.conditions().keySet())
          + (template.conditions().isEmpty() ? "; declare it with @CfCondition or in the base template" : "")));
    }
  }

  private void checkIds(String section, Set<String> names) {
    for (String name : new TreeSet<>(names)) {
      if (!Names.isValidLogicalId(name)) {
        problems.add(new Problem(Rule.InvalidId, path(section, name), "'" + name
            + "' is not a valid name: use 1 to 255 letters and digits only, e.g. '" + name.replaceAll("[^A-Za-z0-9]", "") + "'"));
      }
    }
  }

  private void checkLimit(String section, int count, int max) {
    if (count > max) {
      problems.add(new Problem(Rule.LimitExceeded, List.of(section), section + " has " + count
          + " entries; CloudFormation allows " + max + " (" + (count - max) + " too many): split the stack"));
    }
  }

  /** Resources SAM creates from the serverless ones, which templates may refer to by name. */
  private void addSamGeneratedNames() {
    boolean implicitRestApi = false;
    boolean implicitHttpApi = false;
    for (Map.Entry<String, Resource> e : template.resources().entrySet()) {
      String id = e.getKey();
      Resource r = e.getValue();
      switch (r.type()) {
        case Resource.SERVERLESS_FUNCTION -> {
          if (r.properties().get("Role") == null) {
            resourceIds.add(id + "Role");
          }
          refNames.add(id + ".Alias");
          refNames.add(id + ".Version");
          if (r.properties().get("Events") instanceof Mapping events) {
            for (Value event : events.entries().values()) {
              if (event instanceof Mapping m && m.get("Type") instanceof Str type) {
                Value props = m.get("Properties");
                Mapping p = props instanceof Mapping pm ? pm : Mapping.EMPTY;
                implicitRestApi |= type.value().equals("Api") && p.get("RestApiId") == null;
                implicitHttpApi |= type.value().equals("HttpApi") && p.get("ApiId") == null;
              }
            }
          }
        }
        case "AWS::Serverless::Api", "AWS::Serverless::HttpApi" -> {
          refNames.add(id + ".Stage");
          refNames.add(id + ".Deployment");
        }
        default -> { }
      }
    }
    if (implicitRestApi) {
      resourceIds.add("ServerlessRestApi");
      resourceIds.add("ServerlessRestApiProdStage");
      resourceIds.add("ServerlessRestApiDeployment");
    }
    if (implicitHttpApi) {
      resourceIds.add("ServerlessHttpApi");
    }
  }

  private static List<String> path(String section, String name) {
    return List.of(section, name);
  }

  private static List<String> append(List<String> p, String key) {
    List<String> out = new ArrayList<>(p);
    out.add(key);
    return out;
  }
}
