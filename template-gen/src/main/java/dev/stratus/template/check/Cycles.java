package dev.stratus.template.check;

import dev.stratus.template.Resource;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Each dependency cycle once, with its path, and how to break the one SAM users meet most. */
final class Cycles implements Check {
  public List<Problem> run(TemplateIndex index) {
    List<Problem> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    Set<String> reported = new HashSet<>();
    for (String start : index.dependencies.keySet()) {
      find(index, start, new ArrayList<>(), new HashSet<>(), done, reported, out);
    }
    return out;
  }

  private void find(TemplateIndex index, String node, List<String> stack, Set<String> onStack, Set<String> done,
      Set<String> reported, List<Problem> out) {
    if (done.contains(node)) {
      return;
    }
    if (onStack.contains(node)) {
      List<String> cycle = new ArrayList<>(stack.subList(stack.indexOf(node), stack.size()));
      if (reported.add(new TreeSet<>(cycle).toString())) {
        out.add(report(index.template.resources(), cycle));
      }
      return;
    }
    stack.add(node);
    onStack.add(node);
    for (String next : index.dependencies.getOrDefault(node, Set.of())) {
      if (index.template.resources().containsKey(next)) {
        find(index, next, stack, onStack, done, reported, out);
      }
    }
    stack.remove(stack.size() - 1);
    onStack.remove(node);
    done.add(node);
  }

  private static Problem report(Map<String, Resource> resources, List<String> found) {
    // Start at a function where there is one: it is what a user's annotations most likely declared.
    int start = 0;
    for (int i = 0; i < found.size(); i++) {
      if (resources.get(found.get(i)).type().equals(Resource.SERVERLESS_FUNCTION)) {
        start = i;
        break;
      }
    }
    List<String> cycle = new ArrayList<>(found.subList(start, found.size()));
    cycle.addAll(found.subList(0, start));
    List<String> shown = new ArrayList<>(cycle);
    shown.add(cycle.get(0));
    boolean bucket = cycle.stream().anyMatch(id -> resources.get(id).type().equals("AWS::S3::Bucket"));
    return Problem.of(List.of("Resources", cycle.get(0)),
        bucket ? Diagnostic.NotificationCycle : Diagnostic.DependencyCycle, String.join(" → ", shown));
  }
}
