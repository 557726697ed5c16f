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
 * function may do. Compared by action and by the resources as written, IAM's wildcards matching.
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
        if (!(one instanceof Mapping statement) || !"Allow".equals(Permissions.text(statement.get("Effect")))) {
          continue;
        }
        Set<String> targets = new LinkedHashSet<>();
        Permissions.collect(statement.get("Resource"), resources, Set.of(), targets);
        for (String resource : targets) {
          if (!granted.containsKey(resource)) {
            continue;
          }
          List<String> written = Permissions.texts(statement.get("Resource"));
          List<String> repeated = new ArrayList<>();
          List<String> beyond = new ArrayList<>();
          for (String action : Permissions.texts(statement.get("Action"))) {
            boolean given = granted.get(resource).stream().anyMatch(g -> covers(g.policy(), action, written));
            (given ? repeated : beyond).add(action);
          }
          out.add(new Overlap(i, resource, repeated, beyond));
        }
      }
    }
    return out;
  }

  /**
   * Whether a statement of {@code policy} grants {@code action} on every one of {@code resources}, as written
   * ({@code ${B.Arn}/*} covers {@code ${B.Arn}/uploads/*}, not the other way round).
   */
  private static boolean covers(Mapping policy, String action, List<String> resources) {
    if (!(policy.get("Statement") instanceof Value.Seq seq)) {
      return false;
    }
    for (Value s : seq.items()) {
      Mapping st = (Mapping) s;
      List<String> given = Permissions.texts(st.get("Resource"));
      if (Permissions.texts(st.get("Action")).stream().anyMatch(a -> IamPattern.coversAction(a, action))
          && resources.stream().allMatch(r -> given.stream().anyMatch(g -> IamPattern.of(g).matcher(r).matches()))) {
        return true;
      }
    }
    return false;
  }
}
