package dev.stratus.template.connect;

import dev.stratus.template.Fn;
import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.check.ResourceSpecs;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import dev.stratus.template.events.SamEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives what a {@link Use} gives a function from SAM's connector profiles: the statements of each access
 * category with the resource's ARN forms, and the variable that carries its name, URL or ARN. Pure: the
 * template's resources in, a grant or the reason there is none out.
 */
public final class Grants {
  /** SAM's resource types, as the profiles (written for CloudFormation's) know them. */
  private static final Map<String, String> SAM_TYPES = Map.of(
      "AWS::Serverless::Function", "AWS::Lambda::Function",
      "AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table",
      "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine");
  /** What {@code Ref} of each type gives, which names the variable: {@code _NAME}, {@code _URL} or {@code _ARN}. */
  private static final Map<String, String> REF_GIVES = Map.of(
      "AWS::DynamoDB::Table", "NAME",
      "AWS::S3::Bucket", "NAME",
      "AWS::SQS::Queue", "URL",
      "AWS::SNS::Topic", "ARN",
      "AWS::Lambda::Function", "NAME",
      "AWS::StepFunctions::StateMachine", "ARN",
      "AWS::Events::EventBus", "NAME",
      "AWS::Kinesis::Stream", "NAME",
      "AWS::Location::PlaceIndex", "NAME");

  /** A grant, or the message that says why there is none. */
  public record Result(Grant grant, Message refusal) {}

  private Grants() {}

  /**
   * How a resource outside the stack is named from its name, a parameter's value ({@code ${P}}): its ARN, and
   * for a queue its URL, the variable's value.
   */
  private static final Map<String, String> EXTERNAL_ARN = Map.of(
      "AWS::DynamoDB::Table", "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${P}",
      "AWS::S3::Bucket", "arn:${AWS::Partition}:s3:::${P}",
      "AWS::SQS::Queue", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${P}",
      "AWS::SNS::Topic", "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${P}",
      "AWS::Lambda::Function", "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${P}",
      "AWS::StepFunctions::StateMachine",
      "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${P}",
      "AWS::Events::EventBus", "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/${P}",
      "AWS::Kinesis::Stream", "arn:${AWS::Partition}:kinesis:${AWS::Region}:${AWS::AccountId}:stream/${P}",
      "AWS::Location::PlaceIndex", "arn:${AWS::Partition}:geo:${AWS::Region}:${AWS::AccountId}:place-index/${P}");
  /** A bucket's listings, which {@code s3:prefix} narrows to the keys a use's {@code objects} names. */
  private static final Set<String> LISTINGS = Set.of("s3:listbucket", "s3:listbucketversions",
      "s3:listbucketmultipartuploads");
  private static final String EXTERNAL_QUEUE_URL = "https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/${P}";

  /** Whether {@code arn} is the ARN (or an ARN under it) of a resource outside the stack named by {@code p}. */
  static boolean namesExternal(String arn, String p) {
    for (String pattern : EXTERNAL_ARN.values()) {
      String named = pattern.replace("${P}", "${" + p + "}");
      if (arn.equals(named) || arn.startsWith(named + "/")) {
        return true;
      }
    }
    return false;
  }

  /** What {@code use} gives {@code function}, in a template of {@code resources} without parameters. */
  public static Result derive(String function, Use use, Map<String, Resource> resources) {
    return derive(function, use, resources, Set.of());
  }

  /**
   * What {@code use} gives {@code function}, given every resource and parameter of the template: a parameter
   * names a resource outside the stack, of the use's {@code type}.
   */
  public static Result derive(String function, Use use, Map<String, Resource> resources, Set<String> parameters) {
    Resource target = resources.get(use.resource());
    if (target == null && parameters.contains(use.resource())) {
      if (use.type().isEmpty()) {
        return refused(Diagnostic.UseOfParameterWithoutType.with(use.resource(), use.resource(),
            String.join(", ", new TreeSet<>(EXTERNAL_ARN.keySet()))));
      }
      target = Resource.of(use.type(), Mapping.EMPTY);
    } else if (target == null) {
      Set<String> names = new TreeSet<>(resources.keySet());
      names.addAll(parameters);
      return refused(Diagnostic.UnknownUseResource.with(use.resource(), Names.suggestion(use.resource(), names)));
    } else if (!use.type().isEmpty()) {
      return refused(Diagnostic.UseTypeOfAResource.with(use.resource(), use.resource(), target.type()));
    }
    boolean external = !resources.containsKey(use.resource());
    Resource fn = resources.get(function);
    String fnCondition = fn == null ? null : fn.condition();
    if (target.condition() != null && !target.condition().equals(fnCondition)) {
      return refused(Diagnostic.UseOfConditionalResource.with(use.resource(), target.condition(),
          fnCondition == null ? "the function always exists" : "the function exists when " + fnCondition + " holds",
          target.condition()));
    }
    Map<String, Map<String, Object>> profiles = ResourceSpecs.get().connectorProfiles();
    String type = SAM_TYPES.getOrDefault(target.type(), target.type());
    Map<String, Object> profile = profiles.get(type);
    if (profile == null || !REF_GIVES.containsKey(type)) {
      return refused(Diagnostic.UseTypeNotCovered.with(use.resource(), target.type(),
          String.join(", ", new TreeSet<>(REF_GIVES.keySet()))));
    }
    Map<String, List<Map<String, List<String>>>> access = access(profile);
    String example = firstAction(profile);
    String service = example.split(":")[0];
    if (use.access().isEmpty() && use.actions().isEmpty()) {
      return refused(Diagnostic.UseWithoutAccess.with(use.resource(), example));
    }
    for (String category : use.access()) {
      if (!access.containsKey(category)) {
        return refused(Diagnostic.UseAccessNotOffered.with(use.resource(), target.type(), category,
            String.join(" and ", access.keySet()), example));
      }
    }
    for (String action : use.actions()) {
      Message wrong = checkAction(use.resource(), action, service, target.type());
      if (wrong != null) {
        return refused(wrong);
      }
    }
    if (!use.objects().isEmpty() && !type.equals("AWS::S3::Bucket")) {
      return refused(Diagnostic.UseObjectsNotABucket.with(use.resource(), use.resource(), target.type()));
    }
    Arn arn = external ? Arn.external(use.resource(), type) : arn(function, use.resource(), type, target, profile,
        resources);
    if (arn == null) {
      return refused(Diagnostic.UseNotificationCycle.with(use.resource(), function));
    }
    @SuppressWarnings("unchecked")
    Map<String, String> forms = new LinkedHashMap<>((Map<String, String>) profile.get("forms"));
    if (!external && type.equals("AWS::DynamoDB::Table")
        && !target.properties().entries().containsKey("GlobalSecondaryIndexes")
        && !target.properties().entries().containsKey("LocalSecondaryIndexes")) {
      forms.values().remove("index"); // a table without indexes: no statement names them
    }
    Map<String, List<String>> actionTypes = ResourceSpecs.get().iamActions().getOrDefault(service, Map.of());
    for (String action : use.actions()) {
      Set<String> types = resourceTypes(actionTypes, action);
      if (forms.values().stream().noneMatch(types::contains)) {
        return refused(Diagnostic.UseActionNotOnResource.with(use.resource(), action, types.isEmpty()
            ? "is granted on \"*\" only" : "acts on " + String.join(" or ", types) + ", not on " + String.join(" or ",
            new LinkedHashSet<>(forms.values())), target.type()));
      }
    }
    Scope scope = new Scope(forms, actionTypes, arn, use.objects());
    List<Value> statements = new ArrayList<>();
    for (String category : use.access()) {
      for (Map<String, List<String>> s : access.get(category)) {
        statements.addAll(scope.statements(s.get("Action"), s.get("Resource"), false));
      }
    }
    if (!use.actions().isEmpty()) {
      List<String> actions = new ArrayList<>();
      use.actions().forEach(a -> actions.add(Spellings.IAM.getOrDefault(a.toLowerCase(Locale.ROOT), a)));
      statements.addAll(scope.statements(actions, List.copyOf(scope.forms().keySet()), true));
    }
    Mapping policy = Mapping.builder().put("Statement", new Value.Seq(statements)).build();
    String env = use.env().isEmpty() ? envName(use.resource(), type) : use.env();
    return new Result(new Grant(policy, env, arn.ref()), null);
  }

  /** The type as SAM's connector profiles name it: {@code AWS::Serverless::Function} is a Lambda function. */
  static String profileType(String type) {
    return SAM_TYPES.getOrDefault(type, type);
  }

  /**
   * {@code FilesTable} → {@code FILES_TABLE_NAME}: the logical id in upper snake case and what its Ref gives,
   * unless it ends so already (a parameter {@code OrdersTableName} → {@code ORDERS_TABLE_NAME}).
   */
  public static String envName(String logicalId, String type) {
    String snake = logicalId.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
        .toUpperCase(Locale.ROOT);
    String gives = refGives(type);
    return snake.equals(gives) || snake.endsWith("_" + gives) ? snake : snake + "_" + gives;
  }

  /** What the variable of a use of {@code type} carries: {@code NAME}, {@code URL}, {@code ARN}; null if none. */
  public static String refGives(String type) {
    return REF_GIVES.get(SAM_TYPES.getOrDefault(type, type));
  }

  /** The IAM resource types {@code action} applies to; for a pattern ({@code s3:Get*}), those of all it matches. */
  private static Set<String> resourceTypes(Map<String, List<String>> actionTypes, String action) {
    String name = action.substring(action.indexOf(':') + 1).toLowerCase(Locale.ROOT);
    Set<String> out = new LinkedHashSet<>();
    if (name.contains("*") || name.contains("?")) {
      java.util.regex.Pattern p = IamPattern.of(name);
      actionTypes.forEach((a, types) -> {
        if (p.matcher(a).matches()) {
          out.addAll(types);
        }
      });
    } else {
      out.addAll(actionTypes.getOrDefault(name, List.of()));
    }
    return out;
  }

  /**
   * An action of the resource's service that IAM knows, compared without case as IAM compares them; a pattern
   * ({@code s3:Get*}) must match one.
   */
  private static Message checkAction(String resource, String action, String service, String type) {
    int colon = action.indexOf(':');
    String prefix = colon < 0 ? "" : action.substring(0, colon);
    if (!prefix.equalsIgnoreCase(service)) {
      return Diagnostic.UseActionOfAnotherService.with(resource, action, service, type, service);
    }
    Set<String> known = ResourceSpecs.get().iamActions().getOrDefault(service, Map.of()).keySet();
    String name = action.substring(colon + 1).toLowerCase(Locale.ROOT);
    if (known.contains(name)
        || (name.contains("*") || name.contains("?")) && known.stream().anyMatch(IamPattern.of(name).asMatchPredicate())) {
      return null;
    }
    List<String> candidates = new ArrayList<>();
    known.forEach(k -> candidates.add(Spellings.IAM.getOrDefault(service + ":" + k, service + ":" + k)));
    return Diagnostic.UnknownUseAction.with(resource, action,
        " of " + service + Names.suggestion(service + ":" + name, candidates));
  }

  /** A connector profile's access categories: their statements' actions and ARN forms. */
  @SuppressWarnings("unchecked")
  static Map<String, List<Map<String, List<String>>>> access(Map<String, Object> profile) {
    return (Map<String, List<Map<String, List<String>>>>) profile.get("access");
  }

  /** A profile's first action ({@code dynamodb:GetItem}), which says its service and serves as an example. */
  static String firstAction(Map<String, Object> profile) {
    return access(profile).values().iterator().next().get(0).get("Action").get(0);
  }

  /**
   * IAM's spelling of the actions the connector profiles name ({@code dynamodb:putitem} → {@code
   * dynamodb:PutItem}); IAM's own list, which has every action, has them in lower case only. Read once.
   */
  private static final class Spellings {
    static final Map<String, String> IAM = new java.util.HashMap<>();

    static {
      ResourceSpecs.get().connectorProfiles().values().forEach(p -> access(p).values().forEach(statements ->
          statements.forEach(st -> st.get("Action").forEach(a -> IAM.put(a.toLowerCase(Locale.ROOT), a)))));
    }
  }

  private static Result refused(Message m) {
    return new Result(null, m);
  }

  /**
   * How the resource's ARN is written: {@code %{Destination.Arn}} forms become {@code Fn::Sub} text over it.
   * A bucket that notifies the function cannot be named by its ARN from the function (the permission to
   * notify makes that a circular dependency): its {@code BucketName} names it instead, or nothing can.
   */
  private static Arn arn(String function, String id, String type, Resource target, Map<String, Object> profile,
      Map<String, Resource> resources) {
    if (type.equals("AWS::S3::Bucket") && notifies(id, resources.get(function))) {
      Value name = target.properties().get("BucketName");
      if (name instanceof Fn.Ref r) {
        return new Arn("arn:${AWS::Partition}:s3:::${" + r.target() + "}", name, id, "${" + r.target() + "}");
      }
      if (name instanceof Value.Str s && !s.value().contains("${")) {
        return new Arn("arn:${AWS::Partition}:s3:::" + s.value(), name, id, s.value());
      }
      return null;
    }
    boolean byRef = profile.get("arn") instanceof Map<?, ?> m && m.containsKey("Ref");
    return new Arn(byRef ? "${" + id + "}" : "${" + id + ".Arn}", Fn.ref(id), id, "${" + id + ".Name}");
  }

  /** Whether {@code resource} waits for {@code function}: a bucket whose notifications name it. */
  private static boolean notifies(String resource, Resource function) {
    return function != null && SamEvents.of(function).values().stream()
        .anyMatch(e -> e.waitsForFunction().contains(resource));
  }

  /**
   * Which of a resource's ARN forms each action is granted on: those of the IAM resource types it applies to
   * ({@code s3:ListBucket} the bucket, {@code s3:GetObject} its objects), all of them for an action IAM scopes
   * to none; {@code forms} are those the resource has. With {@code objects}, the object forms cover only those
   * keys, the bucket's listings are narrowed to them by {@code s3:prefix}, and other bucket actions are left out
   * unless named exactly.
   */
  private record Scope(Map<String, String> forms, Map<String, List<String>> actionTypes, Arn arn, String objects) {
    /** One statement per set of forms (and prefix condition), its actions in their order. */
    List<Value> statements(List<String> actions, List<String> profileForms, boolean exact) {
      List<String> of = profileForms.stream().filter(forms::containsKey).toList();
      Map<Group, List<String>> byResources = new LinkedHashMap<>();
      for (String action : actions) {
        Set<String> types = resourceTypes(actionTypes, action);
        List<String> applicable = of.stream().filter(f -> types.contains(forms.get(f))).toList();
        if (applicable.isEmpty()) {
          applicable = of;
        }
        List<Value> resources = new ArrayList<>();
        boolean anObject = applicable.stream().anyMatch(f -> "object".equals(forms.get(f)));
        boolean listing = LISTINGS.contains(action.toLowerCase(Locale.ROOT));
        for (String form : applicable) {
          if (objects.isEmpty()) {
            resources.add(arn.form(form));
          } else if ("object".equals(forms.get(form))) {
            resources.add(arn.form(form.substring(0, form.length() - 1) + objects));
          } else if (listing || exact && !anObject) {
            resources.add(arn.form(form));
          }
        }
        if (!resources.isEmpty()) {
          byResources.computeIfAbsent(new Group(resources, listing && !objects.isEmpty()), k -> new ArrayList<>())
              .add(action);
        }
      }
      List<Value> out = new ArrayList<>();
      byResources.forEach((group, granted) -> {
        Mapping.Builder st = Mapping.builder().put("Effect", "Allow").put("Action", Value.seqOf(granted))
            .put("Resource", new Value.Seq(group.resources()));
        if (group.prefixed()) {
          // Listing the bucket, narrowed to the keys the objects statements cover.
          st.put("Condition", Mapping.builder().put("StringLike", Mapping.builder()
              .put("s3:prefix", Value.seqOf(List.of(objects))).build()).build());
        }
        out.add(st.build());
      });
      return out;
    }

    /** Actions granted together: on the same resources, and with the keys' prefix or not. */
    private record Group(List<Value> resources, boolean prefixed) {}
  }

  /**
   * The ARN as {@code Fn::Sub} text, what the variable carries (the Ref, or the bucket's name), and the name
   * as {@code Fn::Sub} text.
   */
  private record Arn(String text, Value ref, String id, String name) {
    /** A resource outside the stack, named by the parameter {@code p}. */
    static Arn external(String p, String type) {
      String arn = EXTERNAL_ARN.get(type).replace("${P}", "${" + p + "}");
      Value ref = switch (REF_GIVES.get(type)) {
        case "URL" -> Fn.sub(EXTERNAL_QUEUE_URL.replace("${P}", "${" + p + "}"));
        case "ARN" -> Fn.sub(arn);
        default -> Fn.ref(p);
      };
      return new Arn(arn, ref, p, "${" + p + "}");
    }

    Value form(String pattern) {
      String body = pattern.replace("%{Destination.Arn}", text).replace("%{Destination.Name}", name);
      if (body.equals("${" + id + ".Arn}")) {
        return Fn.getAtt(id, "Arn");
      }
      if (body.equals("${" + id + "}")) {
        return Fn.ref(id);
      }
      return Fn.sub(body);
    }
  }
}
