package dev.stratus.template.check;

import dev.stratus.template.Fn;
import dev.stratus.template.Names;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code Policies} of SAM's functions and state machines. Each entry is a policy template with its
 * parameters (SAM's own list), an AWS managed policy by name or any policy by ARN, or an inline statement
 * document; each is checked as what it is.
 */
final class Policies implements Check {
  private static final Set<String> WITH_POLICIES = Set.of("AWS::Serverless::Function", "AWS::Serverless::StateMachine");
  private static final Set<String> STATEMENT_KEYS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
      "NotResource", "Principal", "NotPrincipal", "Condition");

  public List<Problem> run(TemplateIndex index) {
    List<Problem> out = new ArrayList<>();
    index.template.resources().forEach((id, r) -> {
      Value policies = r.properties().get("Policies");
      if (WITH_POLICIES.contains(r.type()) && policies != null) {
        List<String> path = List.of("Resources", id, "Properties", "Policies");
        if (policies instanceof Value.Seq seq) {
          for (int i = 0; i < seq.items().size(); i++) {
            policy(index.specs, seq.items().get(i), append(path, Integer.toString(i)), out);
          }
        } else {
          policy(index.specs, policies, path, out);
        }
      }
    });
    return out;
  }

  private static void policy(ResourceSpecs specs, Value policy, List<String> path, List<Problem> out) {
    Map<String, List<String>> templates = specs.policyTemplates();
    if (policy instanceof Value.Str s) {
      String name = s.value();
      if (templates.containsKey(name)) {
        out.add(Problem.of(path, Diagnostic.PolicyTemplateAsName, name, name, example(templates.get(name))));
      } else if (!name.startsWith("arn:") && !specs.managedPolicies().isEmpty()
          && !specs.managedPolicies().contains(name)) {
        out.add(Problem.of(path, Diagnostic.UnknownManagedPolicy, name, Names.suggestion(name, known(specs))));
      }
    } else if (policy instanceof Mapping m && (m.get("Statement") != null || m.get("Version") != null)) {
      document(m, path, out);
    } else if (policy instanceof Mapping m && m.entries().size() == 1) {
      String name = m.entries().keySet().iterator().next();
      List<String> parameters = templates.get(name);
      if (parameters == null) {
        out.add(Problem.of(path, Diagnostic.UnknownPolicyTemplate, name, Names.suggestion(name, templates.keySet())));
      } else {
        parameters(name, parameters, m.get(name), append(path, name), out);
      }
    } else if (policy instanceof Mapping m) {
      String names = String.join(", ", m.entries().keySet());
      out.add(Problem.of(path, Diagnostic.UnknownPolicyTemplate, names, ""));
    }
  }

  private static void parameters(String template, List<String> expected, Value given, List<String> path,
      List<Problem> out) {
    if (!(given instanceof Mapping values)) {
      if (!(given instanceof Fn)) {
        out.add(Problem.of(path, Diagnostic.PolicyParametersNotAMapping, template, template, example(expected)));
      }
      return;
    }
    Set<String> suggested = new HashSet<>();
    values.entries().forEach((name, value) -> {
      List<String> at = append(path, name);
      if (!expected.contains(name)) {
        Names.closest(name, expected).ifPresent(suggested::add);
        out.add(Problem.of(at, Diagnostic.UnknownPolicyParameter, template, name, Names.suggestion(name, expected),
            expected.isEmpty() ? "none: write {" + template + ": {}}" : String.join(", ", expected)));
      } else if (value instanceof Value.Seq || value instanceof Mapping) {
        out.add(Problem.of(at, Diagnostic.InvalidPolicyParameter, name, template, PropertyChecker.describe(value)));
      }
    });
    for (String name : expected) {
      // A misspelt parameter is one mistake, reported above with its fix.
      if (!values.entries().containsKey(name) && !suggested.contains(name)) {
        out.add(Problem.of(path, Diagnostic.MissingPolicyParameter, template, name, template, example(expected)));
      }
    }
  }

  private static void document(Mapping document, List<String> path, List<Problem> out) {
    Value statements = document.get("Statement");
    List<String> at = append(path, "Statement");
    if (statements instanceof Value.Seq seq) {
      for (int i = 0; i < seq.items().size(); i++) {
        statement(seq.items().get(i), append(at, Integer.toString(i)), out);
      }
    } else if (statements instanceof Mapping) {
      statement(statements, at, out);
    } else if (!(statements instanceof Fn)) {
      out.add(Problem.of(at, Diagnostic.InvalidPolicyDocument,
          statements == null ? "nothing" : PropertyChecker.describe(statements)));
    }
  }

  private static void statement(Value value, List<String> path, List<Problem> out) {
    if (!(value instanceof Mapping s)) {
      if (!(value instanceof Fn)) {
        out.add(Problem.of(path, Diagnostic.InvalidPolicyDocument, PropertyChecker.describe(value)));
      }
      return;
    }
    s.entries().keySet().stream().filter(k -> !STATEMENT_KEYS.contains(k)).forEach(k -> out.add(Problem.of(
        append(path, k), Diagnostic.UnknownPolicyStatementKey, k, Names.suggestion(k, STATEMENT_KEYS))));
    if (s.get("Effect") == null) {
      out.add(Problem.of(path, Diagnostic.InvalidPolicyStatement, "Effect: Allow (or Deny)"));
    } else if (s.get("Effect") instanceof Value.Str effect && !effect.value().equals("Allow")
        && !effect.value().equals("Deny")) {
      out.add(Problem.of(append(path, "Effect"), Diagnostic.InvalidPolicyEffect, effect.value()));
    }
    if (s.get("Action") == null && s.get("NotAction") == null) {
      out.add(Problem.of(path, Diagnostic.InvalidPolicyStatement, "Action (or NotAction)"));
    }
    if (s.get("Resource") == null && s.get("NotResource") == null) {
      out.add(Problem.of(path, Diagnostic.InvalidPolicyStatement, "Resource (or NotResource)"));
    }
  }

  /** {@code TableName: …, IndexName: …} for a template's parameters. */
  private static String example(List<String> parameters) {
    return parameters.stream().map(p -> p + ": …").collect(Collectors.joining(", "));
  }

  private static Set<String> known(ResourceSpecs specs) {
    Set<String> all = new HashSet<>(specs.managedPolicies());
    all.addAll(specs.policyTemplates().keySet());
    return all;
  }

  private static List<String> append(List<String> p, String key) {
    List<String> out = new ArrayList<>(p);
    out.add(key);
    return out;
  }
}
