package dev.stratus.template.connect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/**
 * How a build's permissions differ from a committed copy of {@code permissions.json}, the review {@code cdk
 * diff} gives for IAM: what each function may do now that it could not (an action on a resource no
 * statement of the copy covers, a policy template, a managed policy, a new function), and what it no longer
 * may. A pattern covers what it matches: the copy's {@code ${Bucket.Arn}/*} covers {@code ${Bucket.Arn}/uploads/*},
 * its {@code s3:Get*} covers {@code s3:GetObject}. A Deny taken away widens; so does a new statement that says
 * more than Allow, actions and resources ({@code NotAction}, {@code Condition}: not compared but by its text), and
 * a role of the function's own, new or changed. Pure: two reports in, the differences out.
 */
public final class PermissionsDiff {
  /** One difference, said for people: {@code StoreFunction may now dynamodb:DeleteItem on !GetAtt FilesTable.Arn}. */
  public record Change(String function, String text, boolean wildcard) {
    @Override
    public String toString() {
      return function + " " + text + (wildcard ? " (a wildcard)" : "");
    }
  }

  /** What widens (more may be done than the copy says) and what narrows. */
  public record Result(List<Change> widened, List<Change> narrowed) {
    public boolean same() {
      return widened.isEmpty() && narrowed.isEmpty();
    }
  }

  private PermissionsDiff() {}

  /**
   * {@code now} compared with {@code committed}, both as {@link Permissions#json} writes them.
   *
   * @throws IllegalArgumentException if {@code committed} is not such a report
   */
  public static Result compare(String committed, String now) {
    Map<String, Grants> before = read(committed);
    Map<String, Grants> after = read(now);
    List<Change> widened = new ArrayList<>();
    List<Change> narrowed = new ArrayList<>();
    after.forEach((fn, g) -> {
      Grants old = before.get(fn);
      if (old == null) {
        if (!g.isEmpty()) {
          widened.add(new Change(fn, "is new, with " + g.describe(), g.hasWildcard()));
        }
        return;
      }
      added(fn, g, old, "now", widened);
      added(fn, old, g, "no longer", narrowed);
    });
    before.forEach((fn, g) -> {
      if (!after.containsKey(fn) && !g.isEmpty()) {
        narrowed.add(new Change(fn, "is gone", false));
      }
    });
    return new Result(widened, narrowed);
  }

  /** What {@code g} allows that {@code than} does not cover, into {@code out}: {@code when} it may ("now", "no longer"). */
  private static void added(String fn, Grants g, Grants than, String when, List<Change> out) {
    for (List<String> pair : than.denied()) {
      if (!g.denied().contains(pair)) {
        out.add(new Change(fn, "is " + (when.equals("now") ? "no longer" : "now") + " denied " + pair.get(0) + " on "
            + pair.get(1), false));
      }
    }
    for (String s : g.special()) {
      if (!than.special().contains(s)) {
        out.add(new Change(fn, when + " has the statement " + s, false));
      }
    }
    if (!g.role().isEmpty() && !g.role().equals(than.role())) {
      out.add(new Change(fn, when + " runs with its own role " + g.role(), false));
    }
    for (List<String> pair : g.allowed()) {
      if (!than.covers(pair.get(0), pair.get(1))) {
        out.add(new Change(fn, "may " + when + " " + pair.get(0) + " on " + pair.get(1),
            isWildcard(pair.get(0)) || pair.get(1).equals("*")));
      }
    }
    for (String t : g.templates()) {
      if (!than.templates().contains(t)) {
        out.add(new Change(fn, when + " has SAM policy template " + t, false));
      }
    }
    for (String m : g.managed()) {
      if (!than.managed().contains(m)) {
        out.add(new Change(fn, when + " has managed policy " + m, false));
      }
    }
    g.sam().forEach((name, allows) -> {
      if (!than.sam().containsKey(name)) {
        out.add(new Change(fn, (when.equals("now") ? "now gets " : "no longer gets ") + name + " from SAM: " + allows,
            allows.endsWith(" on *")));
      }
    });
  }

  private static boolean isWildcard(String action) {
    return action.equals("*") || action.endsWith(":*");
  }

  /**
   * A function's allowed and denied (action, resource) pairs, statements that say more (as text), policy
   * templates, managed policies and role.
   */
  private record Grants(Set<List<String>> allowed, Set<List<String>> denied, Set<String> special,
      List<String> templates, List<String> managed, String role, Map<String, String> sam,
      Set<List<String>> samAllowed) {
    boolean isEmpty() {
      return allowed.isEmpty() && special.isEmpty() && templates.isEmpty() && managed.isEmpty() && role.isEmpty()
          && sam.isEmpty();
    }

    boolean hasWildcard() {
      return allowed.stream().anyMatch(p -> isWildcard(p.get(0)) || p.get(1).equals("*"))
          || sam.values().stream().anyMatch(a -> a.endsWith(" on *"));
    }

    /** Whether a statement, or a policy SAM attaches, allows the action on the resource. */
    boolean covers(String action, String resource) {
      Set<List<String>> all = new LinkedHashSet<>(allowed);
      all.addAll(samAllowed);
      for (List<String> p : all) {
        if (IamPattern.coversAction(p.get(0), action) && IamPattern.of(p.get(1)).matcher(resource).matches()) {
          return true;
        }
      }
      return false;
    }

    String describe() {
      List<String> parts = new ArrayList<>();
      allowed.forEach(p -> parts.add(p.get(0) + " on " + p.get(1)));
      special.forEach(s -> parts.add("the statement " + s));
      if (!role.isEmpty()) {
        parts.add("its own role " + role);
      }
      templates.forEach(t -> parts.add("SAM policy template " + t));
      managed.forEach(m -> parts.add("managed policy " + m));
      sam.keySet().forEach(m -> parts.add("SAM's " + m));
      return String.join("; ", parts);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Grants> read(String json) {
    Map<String, Grants> out = new LinkedHashMap<>();
    try {
      Object parsed = new Yaml().load(json);
      if (!(parsed instanceof Map<?, ?> functions)) {
        throw new IllegalArgumentException("not a permissions report: no functions by name");
      }
      functions.forEach((name, f) -> {
        Map<String, Object> fn = (Map<String, Object>) f;
        Set<List<String>> allowed = new LinkedHashSet<>();
        Set<List<String>> denied = new LinkedHashSet<>();
        Set<String> special = new LinkedHashSet<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) fn.getOrDefault("statements", List.of())) {
          List<String> actions = (List<String>) s.getOrDefault("actions", List.of());
          List<String> resources = (List<String>) s.getOrDefault("resources", List.of());
          if (s.get("other") != null) {
            special.add(s.get("effect") + " " + actions + " on " + resources + " " + s.get("other"));
            continue;
          }
          Set<List<String>> into = "Allow".equals(s.get("effect")) ? allowed : denied;
          actions.forEach(a -> resources.forEach(r -> into.add(List.of(a, r))));
        }
        Map<String, String> sam = new LinkedHashMap<>();
        Set<List<String>> samAllowed = new LinkedHashSet<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) fn.getOrDefault("sam", List.of())) {
          List<String> actions = (List<String>) p.get("actions");
          List<String> resources = (List<String>) p.get("resources");
          sam.put((String) p.get("policy"), String.join(", ", actions) + " on " + String.join(", ", resources));
          actions.forEach(a -> resources.forEach(r -> samAllowed.add(List.of(a, r))));
        }
        out.put((String) name, new Grants(allowed, denied, special,
            (List<String>) fn.getOrDefault("templates", List.of()), (List<String>) fn.getOrDefault("managed", List.of()),
            (String) fn.getOrDefault("role", ""), sam, samAllowed));
      });
    } catch (RuntimeException e) { // YAML's and the casts' alike: the file is not what this goal writes
      throw new IllegalArgumentException(e instanceof IllegalArgumentException ? e.getMessage()
          : "not a permissions report: " + e.getMessage(), e);
    }
    return out;
  }
}
