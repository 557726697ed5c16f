package dev.stratus.template.connect;

import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-written policy statements of a function that name a resource it also {@code @Use}s: what of them the
 * uses give already, and what goes beyond them, so that the uses can be the one place that says what the
 * function may do. Compared by action on each resource (IAM's wildcards in the uses' actions match).
 */
public final class PolicyOverlaps {
  /** A statement of policy {@code policy} grants {@code repeated} and {@code beyond} on {@code resource}. */
  public record Overlap(int policy, String resource, List<String> repeated, List<String> beyond) {}

  private PolicyOverlaps() {}

  /**
   * The overlaps of {@code handWritten} (a function's {@code Policies} before its uses) with what its uses
   * grant, by resource, among the template's {@code resources}.
   */
  public static List<Overlap> find(Value handWritten, Map<String, List<Grant>> granted, Map<String, Resource> resources) {
    List<Overlap> out = new ArrayList<>();
    List<Value> policies = handWritten instanceof Value.Seq s ? s.items() : List.of();
    for (int i = 0; i < policies.size(); i++) {
      if (!(policies.get(i) instanceof Mapping doc) || doc.get("Statement") == null) {
        continue;
      }
      Value st = doc.get("Statement");
      for (Value one : st instanceof Value.Seq seq ? seq.items() : List.of(st)) {
        if (!(one instanceof Mapping statement) || !"Allow".equals(text(statement.get("Effect")))) {
          continue;
        }
        Set<String> targets = new LinkedHashSet<>();
        Permissions.collect(statement.get("Resource"), resources, Set.of(), targets);
        for (String resource : targets) {
          if (!granted.containsKey(resource)) {
            continue;
          }
          Set<String> given = new LinkedHashSet<>();
          granted.get(resource).forEach(g -> given.addAll(actions(g.policy())));
          List<String> repeated = new ArrayList<>();
          List<String> beyond = new ArrayList<>();
          for (String action : texts(statement.get("Action"))) {
            (given.stream().anyMatch(a -> IamPattern.coversAction(a, action)) ? repeated : beyond).add(action);
          }
          out.add(new Overlap(i, resource, repeated, beyond));
        }
      }
    }
    return out;
  }

  private static Set<String> actions(Mapping policy) {
    Set<String> out = new LinkedHashSet<>();
    if (policy.get("Statement") instanceof Value.Seq seq) {
      seq.items().forEach(s -> out.addAll(texts(((Mapping) s).get("Action"))));
    }
    return out;
  }

  private static List<String> texts(Value v) {
    List<String> out = new ArrayList<>();
    for (Value i : v instanceof Value.Seq s ? s.items() : v == null ? List.<Value>of() : List.of(v)) {
      if (i instanceof Value.Str s) {
        out.add(s.value());
      }
    }
    return out;
  }

  private static String text(Value v) {
    return v instanceof Value.Str s ? s.value() : null;
  }
}
