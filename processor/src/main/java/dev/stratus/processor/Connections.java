package dev.stratus.processor;

import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.connect.Grant;
import dev.stratus.template.connect.Grants;
import dev.stratus.template.connect.PolicyOverlaps;
import dev.stratus.template.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each function what its {@code @Use}s grant (see {@link Grants}): a policy document and an
 * environment variable apiece, added to its fragment once every part of the template is known, since the
 * resource used may be declared anywhere.
 */
final class Connections {
  private Connections() {}

  /** {@code fragment}'s template with its uses applied; mistakes are reported on the {@code @Use}. */
  static Template apply(TypeFragment fragment, Map<String, Resource> all, Set<String> parameters, Reporter reporter,
      Map<List<String>, Origin> origins) {
    if (fragment.uses().isEmpty()) {
      return fragment.template();
    }
    Template.Builder out = fragment.template().toBuilder();
    Map<String, Resource> functions = new LinkedHashMap<>(fragment.template().resources());
    Map<String, Map<String, List<Grant>>> grants = new LinkedHashMap<>();
    for (UseRequest u : fragment.uses()) {
      Grants.Result result = Grants.derive(u.function(), u.use(), all, parameters);
      if (result.refusal() != null) {
        reporter.report(u.at(), result.refusal());
        continue;
      }
      grants.computeIfAbsent(u.function(), k -> new LinkedHashMap<>())
          .computeIfAbsent(u.use().resource(), k -> new ArrayList<>()).add(result.grant());
      Resource fn = functions.get(u.function());
      Mapping granted = grant(fn.properties(), result.grant(), u, reporter, origins);
      functions.put(u.function(), fn.withProperties(granted));
    }
    grants.forEach((function, byResource) -> reportOverlaps(function,
        fragment.template().resources().get(function).properties().get("Policies"), byResource, all, reporter,
        origins));
    functions.forEach(out::resource);
    return out.build();
  }

  /** Hand-written statements on a resource the function uses: the uses should say it all. */
  private static void reportOverlaps(String function, Value handWritten, Map<String, List<Grant>> byResource,
      Map<String, Resource> all, Reporter reporter, Map<List<String>, Origin> origins) {
    for (PolicyOverlaps.Overlap o : PolicyOverlaps.find(handWritten, byResource, all)) {
      Origin at = origins.get(List.of("Resources", function, "Properties", "Policies", Integer.toString(o.policy())));
      if (!o.repeated().isEmpty()) {
        reporter.report(at, Diagnostic.PolicyRepeatsUse, String.join(", ", o.repeated()), o.resource(), o.resource());
      }
      if (!o.beyond().isEmpty()) {
        List<String> quoted = new ArrayList<>();
        o.beyond().forEach(a -> quoted.add("\"" + a + "\""));
        reporter.report(at, Diagnostic.PolicyBeyondUse, String.join(", ", o.beyond()), o.resource(), o.resource(),
            String.join(", ", quoted));
      }
    }
  }

  private static Mapping grant(Mapping props, Grant g, UseRequest u, Reporter reporter,
      Map<List<String>, Origin> origins) {
    Map<String, Value> p = new LinkedHashMap<>(props.entries());
    List<String> at = List.of("Resources", u.function(), "Properties");

    Map<String, Value> env = props.get("Environment") instanceof Mapping e ? new LinkedHashMap<>(e.entries())
        : new LinkedHashMap<>();
    Map<String, Value> vars = env.get("Variables") instanceof Mapping v ? new LinkedHashMap<>(v.entries())
        : new LinkedHashMap<>();
    if (vars.containsKey(g.envName()) && !vars.get(g.envName()).equals(g.envValue())) {
      reporter.report(u.at(), Diagnostic.DuplicateEnvironmentVariable, g.envName());
    } else if (!vars.containsKey(g.envName())) { // one resource used twice (other actions, keys) sets it once
      vars.put(g.envName(), g.envValue());
      origins.put(List.of(at.get(0), at.get(1), at.get(2), "Environment", "Variables", g.envName()), u.at());
    }
    env.put("Variables", new Mapping(vars));
    p.put("Environment", new Mapping(env));

    List<Value> policies = props.get("Policies") instanceof Value.Seq s ? new ArrayList<>(s.items())
        : new ArrayList<>();
    origins.put(List.of(at.get(0), at.get(1), at.get(2), "Policies", Integer.toString(policies.size())), u.at());
    policies.add(g.policy());
    p.put("Policies", new Value.Seq(policies));
    return new Mapping(p);
  }
}
