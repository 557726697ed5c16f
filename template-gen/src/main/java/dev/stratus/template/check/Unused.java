package dev.stratus.template.check;

import dev.stratus.template.Resource;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parameters nothing refers to, and resources that neither are referred to nor refer to anything. */
final class Unused implements Check {
  public List<Problem> run(TemplateIndex index) {
    List<Problem> out = new ArrayList<>();
    for (String name : index.template.parameters().keySet()) {
      if (!index.referenced.contains(name)) {
        out.add(Problem.of(List.of("Parameters", name), Diagnostic.UnusedParameter, name, name));
      }
    }
    index.template.resources().forEach((id, r) -> {
      boolean usesOthers = !index.dependencies.getOrDefault(id, Set.of()).isEmpty();
      if (!index.referenced.contains(id) && !usesOthers && !r.type().equals(Resource.SERVERLESS_FUNCTION)) {
        out.add(Problem.of(List.of("Resources", id), Diagnostic.UnusedResource, id));
      }
    });
    return out;
  }
}
