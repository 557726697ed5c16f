package dev.stratus.template.check;

import dev.stratus.template.Value;
import dev.stratus.template.diagnostics.Problem;

import dev.stratus.template.Fn;
import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;

import dev.stratus.template.diagnostics.Problem.Rule;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Num;
import dev.stratus.template.Value.Seq;
import dev.stratus.template.Value.Str;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a whole template against CloudFormation's and SAM's own rules: names, references, conditions,
 * resource schemas, attributes, runtimes, dependency cycles, limits and event sources; and warns of what
 * is declared but unused. Collects every problem; never throws for a user's mistake.
 */
public final class TemplateValidator {
  public static final Set<String> PSEUDO_PARAMETERS = Set.of("AWS::AccountId", "AWS::NotificationARNs",
      "AWS::NoValue", "AWS::Partition", "AWS::Region", "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");
  public static final int MAX_RESOURCES = 500;
  public static final int MAX_PARAMETERS = 200;
  public static final int MAX_OUTPUTS = 200;
  public static final int MAX_MAPPINGS = 200;

  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  /** Where a value sits: which resource it belongs to, and which conditions hold there. */
  private record Scope(String resource, Set<String> guards, boolean inCondition, boolean dependencies) {
    Scope guardedBy(String condition) {
      Set<String> more = new HashSet<>(guards);
      more.add(condition);
      return new Scope(resource, more, inCondition, dependencies);
    }
  }

  private final Template template;
  private final ResourceSpecs specs;
  private final LocalDate today;
  private final List<Problem> problems = new ArrayList<>();
  /** Names a {@code Ref} may take: parameters, resources, pseudo parameters and what SAM generates. */
  private final Set<String> refNames = new HashSet<>();
  /** Logical ids a {@code GetAtt} may take, with the type whose attributes it has. */
  private final Map<String, String> attributeTypes = new HashMap<>();
  /** Resource → the resources it needs to exist first. */
  private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
  private final Set<String> referenced = new HashSet<>();

  private TemplateValidator(Template template, ResourceSpecs specs, LocalDate today) {
    this.template = template;
    this.specs = specs;
    this.today = today;
    refNames.addAll(template.parameters().keySet());
    refNames.addAll(PSEUDO_PARAMETERS);
    template.resources().forEach((id, r) -> attributeTypes.put(id, r.type()));
    if (template.isServerless()) {
      addSamGeneratedNames();
    }
    refNames.addAll(attributeTypes.keySet());
  }

  public static List<Problem> validate(Template template) {
    return validate(template, LocalDate.now(ZoneOffset.UTC));
  }

  /** {@code today} decides which Lambda runtimes are past their end of life. */
  public static List<Problem> validate(Template template, LocalDate today) {
    TemplateValidator v = new TemplateValidator(template, ResourceSpecs.get(), today);
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
    template.conditions().forEach((name, condition) ->
        walk(condition, path("Conditions", name), new Scope(null, Set.of(), true, false)));
    template.resources().forEach(this::checkResource);
    template.outputs().forEach((name, output) -> {
      List<String> p = path("Outputs", name);
      checkConditionName(output.condition(), append(p, "Condition"));
      Scope scope = new Scope(null, output.condition() == null ? Set.of() : Set.of(output.condition()), false, false);
      walk(output.value(), p, scope);
      if (output.exportName() != null) {
        walk(output.exportName(), p, scope);
      }
    });
    walk(template.globals(), List.of("Globals"), new Scope(null, Set.of(), false, false));
    if (template.globals().get("Function") instanceof Mapping function) {
      checkRuntime(function.get("Runtime"), List.of("Globals", "Function", "Runtime"));
    }
    checkCycles();
    warnUnused();
  }

  private void checkResource(String id, Resource resource) {
    List<String> p = path("Resources", id);
    checkConditionName(resource.condition(), append(p, "Condition"));
    Scope scope = new Scope(id, resource.condition() == null ? Set.of() : Set.of(resource.condition()), false, true);
    dependencies.computeIfAbsent(id, k -> new LinkedHashSet<>());
    for (String dependency : resource.dependsOn()) {
      if (!template.resources().containsKey(dependency)) {
        problems.add(new Problem(Rule.UnknownReference, append(p, "DependsOn"), "DependsOn '" + dependency
            + "' names no resource" + Names.suggestion(dependency, template.resources().keySet())));
      } else {
        useResource(dependency, "DependsOn " + dependency, append(p, "DependsOn"), scope);
      }
    }
    checkSchema(id, resource, p);
    boolean function = resource.type().equals(Resource.SERVERLESS_FUNCTION);
    Mapping properties = resource.properties();
    Mapping events = function && properties.get("Events") instanceof Mapping e ? e : Mapping.EMPTY;
    if (function) {
      // SAM turns events into resources of their own: they make the function depend on nothing.
      properties = new Mapping(withoutKey(properties.entries(), "Events"));
      walk(events, append(append(p, "Properties"), "Events"), new Scope(id, scope.guards(), false, false));
      if (template.globals().get("Function") instanceof Mapping globals) {
        // Globals are checked once below; here they only make every function depend on what they name.
        dependencies.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(resourcesNamedIn(globals));
      }
    }
    walk(properties, append(p, "Properties"), scope);
    walk(resource.other(), p, scope);
    if (function || resource.type().equals("AWS::Lambda::Function")) {
      checkRuntime(resource.properties().get("Runtime"), List.of("Resources", id, "Properties", "Runtime"));
    }
    if (function) {
      checkEvents(id, events);
    }
  }

  private void checkSchema(String id, Resource resource, List<String> p) {
    String type = resource.type();
    if (!ResourceSpecs.isChecked(type)) {
      return;
    }
    ResourceSpecs.Spec spec = specs.spec(type);
    if (spec == null) {
      List<String> close = specs.types().stream()
          .filter(t -> Names.distance(t.toLowerCase(java.util.Locale.ROOT), type.toLowerCase(java.util.Locale.ROOT)) <= 4)
          .sorted(java.util.Comparator.comparingInt((String t) -> Names.distance(t, type)).thenComparing(t -> t))
          .limit(3).toList();
      problems.add(new Problem(Rule.UnknownResourceType, append(p, "Type"), "unknown resource type '" + type + "'"
          + (close.isEmpty() ? "; see the CloudFormation resource type reference" : "; did you mean " + String.join(", ", close) + "?")));
      return;
    }
    PropertyChecker.check(spec, resource.properties(), append(p, "Properties"), problems);
  }

  private void checkEvents(String id, Mapping events) {
    boolean rest = false;
    boolean http = false;
    for (Map.Entry<String, Value> e : events.entries().entrySet()) {
      if (e.getValue() instanceof Mapping event && event.get("Type") instanceof Str type
          && event.get("Properties") instanceof Mapping props) {
        List<String> p = List.of("Resources", id, "Properties", "Events", e.getKey());
        checkEvent(id, type.value(), props, p);
        rest |= type.value().equals("Api");
        http |= type.value().equals("HttpApi");
      }
    }
    if (events.isEmpty()) {
      problems.add(new Problem(Rule.FunctionWithoutEvents, List.of("Resources", id), id
          + " has no event, so nothing invokes it but a direct call; add an event annotation if that is not intended"));
    }
    if (rest && http) {
      problems.add(new Problem(Rule.MixedApiKinds, List.of("Resources", id), id + " is behind both a REST API"
          + " (@ApiRoute) and an HTTP API (@HttpApiRoute), which send different event shapes; pick one"));
    }
  }

  private void checkEvent(String functionId, String type, Mapping props, List<String> p) {
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
          if (template.resources().containsKey(ref.target())) {
            // The bucket's notification configuration needs the function (and its permission) to exist.
            dependencies.computeIfAbsent(ref.target(), k -> new LinkedHashSet<>()).add(functionId);
          }
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

  private void checkRuntime(Value runtime, List<String> p) {
    if (!(runtime instanceof Str s) || specs.knownRuntimes().isEmpty()) {
      return;
    }
    String name = s.value();
    if (!specs.knownRuntimes().contains(name)) {
      problems.add(new Problem(Rule.InvalidRuntime, p, "'" + name + "' is not a Lambda runtime"
          + Names.suggestion(name, specs.knownRuntimes())));
      return;
    }
    Map<String, String> lifecycle = specs.runtimeLifecycle(name);
    if (lifecycle == null) {
      return;
    }
    String successor = lifecycle.get("successor") == null ? "" : "; use " + lifecycle.get("successor");
    String createBlock = lifecycle.get("create-block");
    String deprecated = lifecycle.get("deprecated");
    if (createBlock != null && !LocalDate.parse(createBlock).isAfter(today)) {
      problems.add(new Problem(Rule.InvalidRuntime, p, "Lambda no longer creates functions on '" + name + "' (since "
          + createBlock + ")" + successor));
    } else if (deprecated != null && !LocalDate.parse(deprecated).isAfter(today)) {
      problems.add(new Problem(Rule.DeprecatedRuntime, p, "'" + name + "' is deprecated since " + deprecated
          + (createBlock == null ? "" : "; Lambda stops creating functions on it on " + createBlock) + successor));
    }
  }

  /** Checks every reference inside {@code value}. */
  private void walk(Value value, List<String> p, Scope scope) {
    if (value instanceof Mapping m) {
      m.entries().forEach((k, v) -> walk(v, append(p, k), scope));
    } else if (value instanceof Seq s) {
      s.items().forEach(item -> walk(item, p, scope));
    } else if (value instanceof Fn.If f) {
      checkConditionName(f.condition(), p);
      walk(f.whenTrue(), p, scope.guardedBy(f.condition()));
      walk(f.whenFalse(), p, scope);
    } else if (value instanceof Fn fn) {
      checkFunction(fn, p, scope);
      if (fn instanceof Fn.Sub sub) {
        sub.variables().entries().values().forEach(v -> walk(v, p, scope));
      } else if (!(fn instanceof Fn.Ref || fn instanceof Fn.GetAtt || fn instanceof Fn.Condition)) {
        walk(fn.argument(), p, scope);
      }
    }
  }

  private void checkFunction(Fn fn, List<String> p, Scope scope) {
    if (fn instanceof Fn.Ref ref) {
      checkRef(ref.target(), "!Ref " + ref.target(), p, scope);
    } else if (fn instanceof Fn.GetAtt att) {
      checkGetAtt(att.resource(), att.attribute(), "!GetAtt " + att.resource() + "." + att.attribute(), p, scope);
    } else if (fn instanceof Fn.Sub sub) {
      Matcher m = SUB_VARIABLE.matcher(sub.template());
      while (m.find()) {
        String variable = m.group(1).trim();
        if (variable.startsWith("!") || sub.variables().entries().containsKey(variable)) {
          continue;
        }
        int dot = variable.indexOf('.');
        if (dot > 0 && !variable.startsWith("AWS::")) {
          checkGetAtt(variable.substring(0, dot), variable.substring(dot + 1), "${" + variable + "} in !Sub", p, scope);
        } else {
          checkRef(variable, "${" + variable + "} in !Sub", p, scope);
        }
      }
    } else if (fn instanceof Fn.Condition c) {
      checkConditionName(c.name(), p);
    } else if (fn instanceof Fn.FindInMap f && f.mapName() instanceof Str name
        && !template.mappings().containsKey(name.value())) {
      problems.add(new Problem(Rule.UnknownReference, p, "!FindInMap names no mapping '" + name.value() + "'"
          + Names.suggestion(name.value(), template.mappings().keySet())));
    }
  }

  private void checkRef(String target, String written, List<String> p, Scope scope) {
    if (scope.inCondition()) {
      if (!template.parameters().containsKey(target) && !PSEUDO_PARAMETERS.contains(target)) {
        problems.add(new Problem(Rule.InvalidReference, p, written
            + ": a condition may only refer to parameters and pseudo parameters" + Names.suggestion(target,
            template.parameters().keySet())));
      }
      referenced.add(target);
    } else if (!refNames.contains(target)) {
      problems.add(new Problem(Rule.UnknownReference, p, written
          + " names no parameter, resource or pseudo parameter of the template" + Names.suggestion(target, refNames)));
    } else {
      useResource(samBase(target), written, p, scope);
    }
  }

  private void checkGetAtt(String resource, String attribute, String written, List<String> p, Scope scope) {
    String type = attributeTypes.get(resource);
    if (type == null) {
      problems.add(new Problem(Rule.UnknownReference, p, written + " names no resource of the template"
          + Names.suggestion(resource, attributeTypes.keySet())));
      return;
    }
    ResourceSpecs.Spec spec = ResourceSpecs.isChecked(type) ? specs.spec(type) : null;
    if (spec != null && !spec.attributes().contains(attribute)) {
      List<String> attributes = spec.attributes();
      problems.add(new Problem(Rule.UnknownAttribute, p, written + ": " + type + " has "
          + (attributes.isEmpty() ? "no attributes" : "no attribute '" + attribute + "'"
              + Names.suggestion(attribute, attributes) + "; it has " + String.join(", ", attributes))));
    }
    useResource(resource, written, p, scope);
  }

  /** Records a use of {@code target}; a resource may only use a conditional resource under that condition. */
  private void useResource(String target, String written, List<String> p, Scope scope) {
    referenced.add(target);
    Resource used = template.resources().get(target);
    if (used == null) {
      return;
    }
    if (scope.resource() != null && scope.dependencies()) {
      dependencies.computeIfAbsent(scope.resource(), k -> new LinkedHashSet<>()).add(target);
    }
    if (used.condition() != null && !scope.guards().contains(used.condition())) {
      problems.add(new Problem(Rule.ConditionalReference, p, written + " refers to a resource that exists only when "
          + used.condition() + " holds; give this the same condition or wrap the reference in !If ["
          + used.condition() + ", …, !Ref AWS::NoValue]"));
    }
  }

  private void checkConditionName(String name, List<String> p) {
    if (name != null && !template.conditions().containsKey(name)) {
      problems.add(new Problem(Rule.UnknownCondition, p, "condition '" + name + "' is not defined"
          + Names.suggestion(name, template.conditions().keySet())
          + (template.conditions().isEmpty() ? "; declare it with @CfCondition or in the base template" : "")));
    }
  }

  /** Reports each dependency cycle once, with its path, and how to break the one SAM users meet most. */
  private void checkCycles() {
    Set<String> done = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (String start : dependencies.keySet()) {
      findCycle(start, new ArrayList<>(), new HashSet<>(), done, reported);
    }
  }

  private void findCycle(String node, List<String> stack, Set<String> onStack, Set<String> done, Set<String> reported) {
    if (done.contains(node)) {
      return;
    }
    if (onStack.contains(node)) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
      if (reported.add(new TreeSet<>(cycle).toString())) {
        reportCycle(cycle);
      }
      return;
    }
    stack.add(node);
    onStack.add(node);
    for (String next : dependencies.getOrDefault(node, Set.of())) {
      if (template.resources().containsKey(next)) {
        findCycle(next, stack, onStack, done, reported);
      }
    }
    stack.remove(stack.size() - 1);
    onStack.remove(node);
    done.add(node);
  }

  private void reportCycle(List<String> found) {
    // Start at a function where there is one: it is what a user's annotations most likely declared.
    int start = 0;
    for (int i = 0; i < found.size(); i++) {
      if (template.resources().get(found.get(i)).type().equals(Resource.SERVERLESS_FUNCTION)) {
        start = i;
        break;
      }
    }
    List<String> cycle = new ArrayList<>(found.subList(start, found.size()));
    cycle.addAll(found.subList(0, start));
    List<String> shown = new ArrayList<>(cycle);
    shown.add(cycle.get(0));
    String bucket = cycle.stream().filter(id -> template.resources().get(id).type().equals("AWS::S3::Bucket"))
        .findFirst().orElse(null);
    String hint = bucket == null ? "; remove one of these references"
        : "; the bucket notifies a function that refers to it: name the bucket from a parameter (BucketName: !Ref"
            + " BucketNameParameter) and refer to the parameter in the function's policies and environment";
    String first = cycle.get(0);
    problems.add(new Problem(Rule.DependencyCycle, List.of("Resources", first), "circular dependency: "
        + String.join(" → ", shown) + hint));
  }

  private void warnUnused() {
    for (String name : template.parameters().keySet()) {
      if (!referenced.contains(name)) {
        problems.add(new Problem(Rule.UnusedParameter, path("Parameters", name), "parameter '" + name
            + "' is never referenced; remove it or use it with !Ref " + name));
      }
    }
    for (Map.Entry<String, Resource> e : template.resources().entrySet()) {
      String id = e.getKey();
      boolean usesOthers = !dependencies.getOrDefault(id, Set.of()).isEmpty();
      if (!referenced.contains(id) && !usesOthers && !e.getValue().type().equals(Resource.SERVERLESS_FUNCTION)) {
        problems.add(new Problem(Rule.UnusedResource, path("Resources", id), "resource '" + id + "' is referenced by"
            + " nothing; if it is meant to stand alone, give it an output (@CfOutput) so that it can be found"));
      }
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

  /** The logical ids of the template's resources that {@code value} refers to, by any intrinsic. */
  private Set<String> resourcesNamedIn(Value value) {
    Set<String> out = new LinkedHashSet<>();
    if (value instanceof Mapping m) {
      m.entries().values().forEach(v -> out.addAll(resourcesNamedIn(v)));
    } else if (value instanceof Seq s) {
      s.items().forEach(v -> out.addAll(resourcesNamedIn(v)));
    } else if (value instanceof Fn.Ref ref) {
      out.add(samBase(ref.target()));
    } else if (value instanceof Fn.GetAtt att) {
      out.add(att.resource());
    } else if (value instanceof Fn.Sub sub) {
      Matcher m = SUB_VARIABLE.matcher(sub.template());
      while (m.find()) {
        out.add(samBase(m.group(1).trim()));
      }
      out.addAll(resourcesNamedIn(sub.variables()));
    } else if (value instanceof Fn fn) {
      out.addAll(resourcesNamedIn(fn.argument()));
    }
    out.retainAll(template.resources().keySet());
    return out;
  }

  /** {@code MyApi.Stage} and the like stand for the resource they are generated from. */
  private static String samBase(String name) {
    int dot = name.indexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
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
            attributeTypes.put(id + "Role", "AWS::IAM::Role");
          }
          refNames.add(id + ".Alias");
          refNames.add(id + ".Version");
          if (r.properties().get("Events") instanceof Mapping events) {
            for (Value event : events.entries().values()) {
              if (event instanceof Mapping m && m.get("Type") instanceof Str type) {
                Mapping p = m.get("Properties") instanceof Mapping pm ? pm : Mapping.EMPTY;
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
      attributeTypes.put("ServerlessRestApi", "AWS::ApiGateway::RestApi");
      attributeTypes.put("ServerlessRestApiProdStage", "AWS::ApiGateway::Stage");
      attributeTypes.put("ServerlessRestApiDeployment", "AWS::ApiGateway::Deployment");
    }
    if (implicitHttpApi) {
      attributeTypes.put("ServerlessHttpApi", "AWS::ApiGatewayV2::Api");
    }
  }

  private static Map<String, Value> withoutKey(Map<String, Value> entries, String key) {
    Map<String, Value> copy = new LinkedHashMap<>(entries);
    copy.remove(key);
    return copy;
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
