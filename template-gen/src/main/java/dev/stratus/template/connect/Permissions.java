package dev.stratus.template.connect;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.check.ResourceSpecs;
import dev.stratus.template.events.RouteEvent;
import dev.stratus.template.events.SamEvent;
import dev.stratus.template.events.SamEvents;
import dev.stratus.template.events.ScheduleEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each function of a template may do, for people to review: its statements (actions on resources), the
 * SAM policy templates and managed policies it has, as Markdown with a Mermaid picture of functions, their
 * triggers and the resources they use, and as JSON for tools. Pure: a template in, text out.
 */
public final class Permissions {
  /**
   * One statement of a function's policies, as written: its effect, actions and resources, what else it says
   * ({@code NotAction}, {@code Condition}…, empty if nothing), and the resources of the template it names.
   */
  public record Statement(String effect, List<String> actions, List<String> resources, String other,
      Set<String> targets) {}

  /** What invokes a function: {@code SQS !GetAtt JobQueue.Arn}, and the resource of the template it comes from, if any. */
  public record Trigger(String text, String resource) {}

  /**
   * A function's permissions: statements, policy templates ({@code DynamoDBCrudPolicy {TableName: !Ref T}}),
   * managed policies, the resources of the template they name, and what SAM adds to the role it makes.
   */
  public record Function(String id, List<Trigger> triggers, List<Statement> statements, List<PolicyTemplate> templates,
      List<String> managed, String role, Set<String> uses, List<SamPolicy> sam) {}

  /** A managed policy SAM attaches to the role it makes, why ({@code its SQS event's poller}) and what it allows. */
  public record SamPolicy(String name, String why, List<String> actions, List<String> resources) {}

  /** A SAM policy template as written ({@code DynamoDBCrudPolicy {TableName: !Ref T}}) and the resources it names. */
  public record PolicyTemplate(String text, Set<String> targets) {}

  private Permissions() {}

  public static List<Function> of(Template template) {
    List<Function> out = new ArrayList<>();
    template.resources().forEach((id, r) -> {
      if (r.type().equals(Resource.SERVERLESS_FUNCTION)) {
        out.add(function(id, r, template));
      }
    });
    return out;
  }

  private static Function function(String id, Resource r, Template template) {
    List<Statement> statements = new ArrayList<>();
    List<PolicyTemplate> templates = new ArrayList<>();
    List<String> managed = new ArrayList<>();
    Set<String> uses = new LinkedHashSet<>();
    Resource ownRole = templateRole(r, template);
    for (Value p : policies(r, template)) {
      if (p instanceof Value.Str s) {
        managed.add(s.value());
      } else if (p instanceof Mapping m && m.get("Statement") != null) {
        Value st = m.get("Statement");
        for (Value one : st instanceof Value.Seq seq ? seq.items() : List.of(st)) {
          if (one instanceof Mapping sm) {
            Set<String> targets = new LinkedHashSet<>();
            collect(sm.get("Resource"), template.resources(), template.parameters().keySet(), targets);
            uses.addAll(targets);
            Map<String, Value> rest = new LinkedHashMap<>(sm.entries());
            List.of("Sid", "Effect", "Action", "Resource").forEach(rest::remove);
            statements.add(new Statement(text(sm.get("Effect")), texts(sm.get("Action")), texts(sm.get("Resource")),
                rest.isEmpty() ? "" : describe(new Mapping(rest)), targets));
          }
        }
      } else if (p instanceof Mapping m && m.entries().size() == 1) {
        Map.Entry<String, Value> e = m.entries().entrySet().iterator().next();
        Set<String> targets = new LinkedHashSet<>();
        collect(e.getValue(), template.resources(), template.parameters().keySet(), targets);
        uses.addAll(targets);
        templates.add(new PolicyTemplate(e.getKey() + " " + describe(e.getValue()), targets));
      } else {
        managed.add(describe(p));
      }
    }
    List<Trigger> triggers = new ArrayList<>();
    SamEvents.of(r).forEach((name, e) -> {
      Set<String> from = new LinkedHashSet<>();
      if (!(e instanceof ScheduleEvent)) {
        collect(e.source(), template.resources(), Set.of(), from);
      }
      triggers.add(new Trigger(e.type() + describeSource(e), from.isEmpty() ? null : from.iterator().next()));
    });
    if (r.properties().get("FunctionUrlConfig") instanceof Value.Mapping url) {
      // Who may call the URL: anyone (NONE), or principals that IAM allows lambda:InvokeFunctionUrl (AWS_IAM).
      Value auth = url.get("AuthType");
      triggers.add(new Trigger("FunctionUrl " + (auth == null ? "NONE" : describe(auth)), null));
    }
    Value role = r.properties().get("Role");
    return new Function(id, triggers, statements, templates, managed, role == null || ownRole != null ? ""
        : describe(role), uses, SamRole.of(r, template));
  }

  /**
   * A function's policies as its {@code Policies} lists them (documents, policy templates, managed policies), and,
   * when its {@code Role} is a role of the template (the scoped one the link step writes, or the user's), that
   * role's inline documents and managed policy ARNs: what the function may do, for the report and the local runtime.
   */
  public static List<Value> policies(Resource function, Template template) {
    Value own = function.properties().get("Policies");
    List<Value> out = new ArrayList<>(own instanceof Value.Seq s ? s.items() : own == null ? List.of() : List.of(own));
    Resource role = templateRole(function, template);
    if (role != null) {
      if (role.properties().get("Policies") instanceof Value.Seq inline) {
        inline.items().forEach(p -> out.add(p instanceof Mapping m ? m.get("PolicyDocument") : p));
      }
      if (role.properties().get("ManagedPolicyArns") instanceof Value.Seq arns) {
        out.addAll(arns.items());
      }
    }
    return out;
  }

  /** The {@code AWS::IAM::Role} of the template that the function's {@code Role} names, or null. */
  public static Resource templateRole(Resource function, Template template) {
    if (function.properties().get("Role") instanceof Fn.GetAtt g && g.attribute().equals("Arn")) {
      Resource role = template.resources().get(g.resource());
      return role != null && role.type().equals("AWS::IAM::Role") ? role : null;
    }
    return null;
  }

  /** What triggers a function, in words: {@code Api POST /file}, {@code SQS JobQueue}, {@code Schedule rate(1 hour)}. */
  private static String describeSource(SamEvent e) {
    if (e.source() != null) {
      return " " + describe(e.source());
    }
    if (e instanceof RouteEvent route && route.path() != null) {
      return " " + describe(route.method()).toUpperCase(java.util.Locale.ROOT) + " " + describe(route.path());
    }
    return "";
  }

  /**
   * The logical ids of the template's resources that {@code v} refers to; a parameter that names a resource
   * ({@code BucketName: !Ref StorageBucketName}) stands for that resource, and one of {@code external} that
   * names none (a resource outside the stack, by its name) for itself.
   */
  static void collect(Value v, Map<String, Resource> resources, Set<String> external, Set<String> into) {
    if (v == null) {
      return;
    }
    if (v instanceof Fn.Ref r && !resources.containsKey(r.target())) {
      boolean named = false;
      for (Map.Entry<String, Resource> e : resources.entrySet()) {
        for (Value name : e.getValue().properties().entries().values()) {
          if (name instanceof Fn.Ref nr && nr.target().equals(r.target())) {
            into.add(e.getKey());
            named = true;
          }
        }
      }
      if (!named && external.contains(r.target())) {
        into.add(r.target());
      }
    } else if (v instanceof Fn.Ref r) {
      into.add(r.target());
    } else if (v instanceof Fn.GetAtt g && resources.containsKey(g.resource())) {
      into.add(g.resource());
    } else if (v instanceof Fn.Sub s) {
      for (Fn.Sub.Part part : s.parts()) {
        // A parameter in an ARN stands for a resource outside the stack only where the ARN names it so.
        if (part instanceof Fn.Sub.Reference ref) {
          collect(ref.target(), resources, ref.target() instanceof Fn.Ref pr
              && Grants.namesExternal(s.template(), pr.target()) ? external : Set.of(), into);
        } else if (part instanceof Fn.Sub.Local local) {
          collect(local.value(), resources, external, into); // a policy template's ${tableName}: !Ref Table
        }
      }
    } else if (v instanceof Value.Seq seq) {
      seq.items().forEach(i -> collect(i, resources, external, into));
    } else if (v instanceof Mapping m) {
      m.entries().values().forEach(i -> collect(i, resources, external, into));
    }
  }

  public static String markdown(Template template) {
    List<Function> functions = of(template);
    StringBuilder b = new StringBuilder("# Permissions\n\nGenerated by Stratus from the template: what each function may"
        + " do. Review a change to this file as you would a change to IAM.\n\n```mermaid\nflowchart LR\n");
    Set<String> resources = new LinkedHashSet<>();
    for (Function f : functions) {
      b.append("  ").append(f.id()).append("([").append(f.id()).append("])\n");
      for (Trigger t : f.triggers()) {
        if (t.resource() != null) {
          resources.add(t.resource());
          b.append("  ").append(t.resource()).append(" -. \"").append(escape(t.text().split(" ")[0])).append("\" .-> ")
              .append(f.id()).append('\n');
        } else {
          b.append("  ").append(node(t.text())).append("[\"").append(escape(t.text())).append("\"] --> ")
              .append(f.id()).append('\n');
        }
      }
      for (String u : f.uses()) {
        resources.add(u);
        b.append("  ").append(f.id()).append(" -- \"").append(escape(verbs(f, u, typeOf(template, u))))
            .append("\" --> ").append(u)
            .append('\n');
      }
    }
    for (String r : resources) {
      b.append("  ").append(r).append("[(\"").append(r).append(" · ")
          .append(typeOf(template, r).isEmpty() ? "outside the stack" : typeOf(template, r)).append("\")]\n");
    }
    b.append("```\n");
    for (Function f : functions) {
      b.append("\n## ").append(f.id()).append("\n\n");
      if (!f.triggers().isEmpty()) {
        List<String> texts = new ArrayList<>();
        f.triggers().forEach(t -> texts.add(code(t.text())));
        b.append("Triggered by ").append(String.join(", ", texts)).append(".\n\n");
      }
      if (!f.statements().isEmpty()) {
        b.append("| effect | actions | resources |\n|---|---|---|\n");
        for (Statement s : f.statements()) {
          b.append("| ").append(s.effect()).append(s.other().isEmpty() ? "" : " " + code(s.other())).append(" | ")
              .append(cell(s.actions())).append(" | ").append(cell(s.resources()))
              .append(s.resources().equals(List.of("*")) ? " (IAM scopes these actions to no resource)" : "")
              .append(" |\n");
        }
      }
      if (!f.statements().isEmpty() && !(f.templates().isEmpty() && f.managed().isEmpty())) {
        b.append('\n');
      }
      for (PolicyTemplate t : f.templates()) {
        b.append("- SAM policy template ").append(code(t.text())).append('\n');
      }
      for (String m : f.managed()) {
        b.append("- managed policy ").append(code(m)).append('\n');
      }
      if (!f.role().isEmpty()) {
        b.append("- its own role ").append(code(f.role())).append(", whose policies are not shown here\n");
      }
      if (f.statements().isEmpty() && f.templates().isEmpty() && f.managed().isEmpty() && f.role().isEmpty()) {
        b.append("No policies of its own.\n");
      }
      if (!f.sam().isEmpty()) {
        b.append("\nSAM adds to the role it makes:\n\n");
        for (SamPolicy p : f.sam()) {
          b.append("- managed policy ").append(code(p.name())).append(" (").append(p.why()).append("): ")
              .append(String.join(", ", p.actions().stream().map(Permissions::code).toList())).append(" on ")
              .append(String.join(", ", p.resources().stream().map(Permissions::code).toList())).append('\n');
        }
      }
    }
    return b.toString();
  }

  /** The resource's type; a parameter naming a resource outside the stack has none here. */
  private static String typeOf(Template template, String id) {
    Resource r = template.resources().get(id);
    return r == null ? "" : r.type();
  }

  /** The same as JSON: {@code {"Function": {"triggers": [...], "statements": [...], ...}}}. */
  public static String json(Template template) {
    StringBuilder b = new StringBuilder("{");
    List<Function> functions = of(template);
    for (int i = 0; i < functions.size(); i++) {
      Function f = functions.get(i);
      List<String> triggers = new ArrayList<>();
      f.triggers().forEach(t -> triggers.add(t.text()));
      b.append(i == 0 ? "\n" : ",\n").append("  ").append(quote(f.id())).append(": {\"triggers\": ")
          .append(array(triggers)).append(", \"statements\": [");
      for (int k = 0; k < f.statements().size(); k++) {
        Statement s = f.statements().get(k);
        b.append(k == 0 ? "" : ", ").append("{\"effect\": ").append(quote(s.effect())).append(", \"actions\": ")
            .append(array(s.actions())).append(", \"resources\": ").append(array(s.resources()))
            .append(s.other().isEmpty() ? "" : ", \"other\": " + quote(s.other())).append('}');
      }
      List<String> templates = new ArrayList<>();
      f.templates().forEach(t -> templates.add(t.text()));
      b.append("], \"templates\": ").append(array(templates)).append(", \"managed\": ").append(array(f.managed()))
          .append(f.role().isEmpty() ? "" : ", \"role\": " + quote(f.role()))
          .append(", \"uses\": ").append(array(List.copyOf(f.uses())));
      if (!f.sam().isEmpty()) {
        b.append(", \"sam\": [");
        for (int k = 0; k < f.sam().size(); k++) {
          SamPolicy p = f.sam().get(k);
          b.append(k == 0 ? "" : ", ").append("{\"policy\": ").append(quote(p.name())).append(", \"for\": ")
              .append(quote(p.why())).append(", \"actions\": ").append(array(p.actions())).append(", \"resources\": ")
              .append(array(p.resources())).append('}');
        }
        b.append(']');
      }
      b.append('}');
    }
    return b.append("\n}\n").toString();
  }

  /**
   * The actions of {@code f} on {@code resource}, short: a connector profile's category ({@code Read}) where
   * they hold all of it, the rest by name ({@code PutItem}).
   */
  private static String verbs(Function f, String resource, String type) {
    Set<String> actions = new LinkedHashSet<>();
    for (Statement s : f.statements()) {
      if (s.targets().contains(resource)) {
        actions.addAll(s.actions());
      }
    }
    Set<String> out = new LinkedHashSet<>();
    Map<String, Map<String, Object>> profiles = ResourceSpecs.get().connectorProfiles();
    Map<String, Object> profile = profiles.get(Grants.profileType(type));
    if (profile == null && type.isEmpty() && !actions.isEmpty()) {
      // A resource outside the stack: the profile of the service its actions are of.
      String service = actions.iterator().next().split(":")[0];
      profile = profiles.values().stream().filter(p -> Grants.firstAction(p).startsWith(service + ":")).findFirst()
          .orElse(null);
    }
    if (profile != null) {
      Grants.access(profile).forEach((category, statements) -> {
        Set<String> all = new LinkedHashSet<>();
        statements.forEach(st -> all.addAll(st.get("Action")));
        if (actions.containsAll(all)) {
          out.add(category);
          actions.removeAll(all);
        }
      });
    }
    actions.forEach(a -> out.add(a.substring(a.indexOf(':') + 1)));
    for (PolicyTemplate t : f.templates()) {
      if (t.targets().contains(resource)) {
        out.add(t.text().substring(0, t.text().indexOf(' ')));
      }
    }
    String all = String.join(", ", out);
    return all.length() <= 60 ? all : all.substring(0, 57) + "…";
  }

  /** Each item of a value or list, in the short form a reader knows from YAML. */
  static List<String> texts(Value v) {
    if (v instanceof Value.Seq s) {
      List<String> out = new ArrayList<>();
      s.items().forEach(i -> out.add(describe(i)));
      return out;
    }
    return v == null ? List.of() : List.of(describe(v));
  }

  static String text(Value v) {
    return v instanceof Value.Str s ? s.value() : v == null ? "" : describe(v);
  }

  /** A value in the short form a reader knows from YAML: {@code !GetAtt FilesTable.Arn}, {@code !Sub …}. */
  static String describe(Value v) {
    if (v instanceof Value.Str s) {
      return s.value();
    }
    if (v instanceof Fn.Ref r) {
      return "!Ref " + r.target();
    }
    if (v instanceof Fn.GetAtt g) {
      return "!GetAtt " + g.resource() + "." + g.attribute();
    }
    if (v instanceof Fn.Sub s) {
      return "!Sub " + (s.variables().isEmpty() ? s.template() : "[" + s.template() + ", " + describe(s.variables()) + "]");
    }
    if (v instanceof Mapping m) {
      Map<String, String> parts = new LinkedHashMap<>();
      m.entries().forEach((k, x) -> parts.put(k, describe(x)));
      return parts.toString().replace("=", ": ");
    }
    if (v instanceof Value.Seq s) {
      return texts(s).toString();
    }
    return String.valueOf(v);
  }

  private static String node(String trigger) {
    return "t" + Integer.toHexString(trigger.hashCode() & 0x7fffffff);
  }

  private static String escape(String s) {
    return s.replace("\"", "#quot;");
  }

  private static String cell(List<String> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(code(i)));
    return String.join("<br>", out);
  }

  private static String code(String s) {
    return "`" + s.replace("|", "\\|") + "`";
  }

  private static String array(List<String> items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(quote(i)));
    return "[" + String.join(", ", out) + "]";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
