package dev.stratus.template.connect;

import dev.stratus.template.Fn;
import dev.stratus.template.Parameter;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.events.SamEvent;
import dev.stratus.template.events.SamEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The link step that gives each function a role of its own instead of the one SAM would make, so that the role
 * that deploys is the one the permissions report shows: its statements, its pollers' actions on its own queues
 * and streams, CloudWatch Logs on its own log group (declared, with {@code LogRetentionInDays}, and named to
 * Lambda by {@code LoggingConfig}), X-Ray's when tracing is on. Only what IAM scopes to no resource is on
 * {@code *}. SAM policy templates are expanded as the translator expands them, the managed policies named are
 * attached. A function with a role of its own or a {@code VpcConfig} keeps SAM's role. No role is named, so deploying needs no
 * {@code CAPABILITY_NAMED_IAM}.
 */
public final class ScopedRoles {
  /** The parameter of every declared log group's retention. */
  public static final String RETENTION = "LogRetentionInDays";
  /** The inline policy of each role, in the words of the report. */
  static final String POLICY_NAME = "stratus-scoped";
  private static final List<String> RETENTIONS = List.of("1", "3", "5", "7", "14", "30", "60", "90", "120", "150",
      "180", "365", "400", "545", "731", "1096", "1827", "2192", "2557", "2922", "3288", "3653");

  private ScopedRoles() {}

  /** IAM's limit on a role's inline policies, in characters without white space. */
  static final int MAX_INLINE_POLICY_CHARS = 10_240;
  /** What an intrinsic stands in for once resolved, as an estimate: an ARN is rarely longer. */
  private static final int INTRINSIC_CHARS = 128;

  /** The template with the roles, and a function whose role IAM would refuse as too large. */
  public record Result(Template template, List<Problem> problems) {}

  /** {@code t} with a role and a log group of its own for each function that can have them. */
  public static Result apply(Template t) {
    List<Problem> problems = new ArrayList<>();
    Template.Builder out = t.toBuilder();
    boolean any = false;
    for (Map.Entry<String, Resource> e : t.resources().entrySet()) {
      String id = e.getKey();
      Resource fn = e.getValue();
      if (!fn.type().equals(Resource.SERVERLESS_FUNCTION) || !scopable(fn, t)
          || t.resources().containsKey(id + "Role") || t.resources().containsKey(id + "LogGroup")) {
        continue;
      }
      any = true;
      Policies own = policies(fn.properties().get("Policies"));
      List<Value> statements = new ArrayList<>(own.statements());
      statements.add(statement(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
          Fn.getAtt(id + "LogGroup", "Arn")));
      SamEvents.of(fn).values().forEach(event -> poller(event, statements));
      if ("Active".equals(SamRole.setting(fn, t, "Tracing"))) {
        statements.add(statement(SamRole.tracingActions(), Value.str("*")));
      }
      int size = chars(document(statements));
      if (size > MAX_INLINE_POLICY_CHARS) {
        problems.add(Problem.of(List.of("Resources", id), Diagnostic.RolePolicyTooLarge, id, size,
            MAX_INLINE_POLICY_CHARS));
      }
      Mapping.Builder role = Mapping.builder()
          .put("AssumeRolePolicyDocument", document(List.of(Mapping.builder().put("Effect", "Allow")
              .put("Principal", Mapping.builder().put("Service", "lambda.amazonaws.com").build())
              .put("Action", "sts:AssumeRole").build())))
          .put("Policies", Value.seq(Mapping.builder().put("PolicyName", POLICY_NAME)
              .put("PolicyDocument", document(statements)).build()))
          .put("ManagedPolicyArns", own.managed().isEmpty() ? null : new Value.Seq(own.managed()))
          .put("PermissionsBoundary", fn.properties().get("PermissionsBoundary"));
      out.resource(id + "Role", conditioned(Resource.of("AWS::IAM::Role", role.build()), fn));
      out.resource(id + "LogGroup", conditioned(Resource.of("AWS::Logs::LogGroup", Mapping.builder()
          .put("RetentionInDays", Fn.ref(RETENTION)).build()), fn));
      Mapping.Builder props = Mapping.builder();
      Mapping logging = fn.properties().get("LoggingConfig") instanceof Mapping m ? m : Mapping.EMPTY;
      fn.properties().entries().forEach((k, v) -> {
        if (!k.equals("Policies") && !k.equals("PermissionsBoundary") && !k.equals("LoggingConfig")) {
          props.put(k, v);
        }
      });
      Mapping.Builder newLogging = Mapping.builder();
      logging.entries().forEach(newLogging::put);
      props.put("Role", Fn.getAtt(id + "Role", "Arn"))
          .put("LoggingConfig", newLogging.put("LogGroup", Fn.ref(id + "LogGroup")).build());
      out.resource(id, fn.withProperties(props.build()));
    }
    if (any && !t.parameters().containsKey(RETENTION)) {
      out.parameter(RETENTION, Parameter.of("Number").withDefault(Value.str("30")).withAllowedValues(RETENTIONS)
          .withDescription("Days each function's log group keeps its logs"));
    }
    return new Result(out.build(), problems);
  }

  /** About how many characters IAM counts in {@code v} as JSON without white space, intrinsics resolved. */
  private static int chars(Value v) {
    if (v instanceof Value.Str s) {
      return s.value().length() + 2;
    } else if (v instanceof Value.Seq seq) {
      return 2 + seq.items().stream().mapToInt(i -> chars(i) + 1).sum();
    } else if (v instanceof Mapping m) {
      return 2 + m.entries().entrySet().stream().mapToInt(e -> e.getKey().length() + 4 + chars(e.getValue())).sum();
    }
    return v instanceof Fn ? INTRINSIC_CHARS : 8;
  }

  /** Whether Stratus can write the function's whole role: it names none, has no VPC, and only statements. */
  private static boolean scopable(Resource fn, Template t) {
    if (fn.properties().get("Role") != null || SamRole.setting(fn, t, "VpcConfig") != null) {
      return false;
    }
    return policies(fn.properties().get("Policies")) != null;
  }

  /**
   * The statements of a function's policies (the policy templates it names expanded) and the ARNs of the managed
   * policies it names; null when one is neither, for SAM to judge.
   */
  private static Policies policies(Value policies) {
    Policies out = new Policies(new ArrayList<>(), new ArrayList<>());
    for (Value p : policies instanceof Value.Seq s ? s.items() : policies == null ? List.<Value>of() : List.of(policies)) {
      Value st = p instanceof Mapping m ? m.get("Statement") : null;
      List<Value> expanded = st == null ? PolicyTemplates.expand(p) : null;
      Value managed = st == null && expanded == null ? PolicyTemplates.managedArn(p) : null;
      if (managed != null) {
        out.managed().add(managed);
      } else if (st == null && expanded == null) {
        return null;
      } else {
        out.statements().addAll(expanded != null ? expanded : st instanceof Value.Seq seq ? seq.items() : List.of(st));
      }
    }
    return out;
  }

  private record Policies(List<Value> statements, List<Value> managed) {}

  /** A pull source's poller: its actions on the source, and those IAM scopes to nothing on {@code *}. */
  private static void poller(SamEvent event, List<Value> statements) {
    Map<String, List<String>> actions = SamRole.poller(event.type());
    if (actions == null || event.source() == null) {
      return;
    }
    statements.add(statement(actions.get("scoped"), event.source()));
    if (!actions.get("unscoped").isEmpty()) {
      statements.add(statement(actions.get("unscoped"), Value.str("*")));
    }
  }

  private static Value statement(List<String> actions, Value resource) {
    return Mapping.builder().put("Effect", "Allow").put("Action", Value.seqOf(actions)).put("Resource", resource)
        .build();
  }

  private static Mapping document(List<Value> statements) {
    return Mapping.builder().put("Version", "2012-10-17").put("Statement", new Value.Seq(statements)).build();
  }

  private static Resource conditioned(Resource r, Resource fn) {
    return fn.condition() == null ? r : r.withCondition(fn.condition());
  }
}
