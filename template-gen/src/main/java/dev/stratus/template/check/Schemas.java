package dev.stratus.template.check;

import dev.stratus.template.Names;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Resource types CloudFormation knows, and their properties against the type's schema. */
final class Schemas implements Check {
  public List<Problem> run(TemplateIndex index) {
    List<Problem> out = new ArrayList<>();
    index.template.resources().forEach((id, resource) -> {
      String type = resource.type();
      if (!ResourceSpecs.isChecked(type)) {
        return;
      }
      ResourceSpecs.Spec spec = index.specs.spec(type);
      if (spec == null) {
        String lower = type.toLowerCase(Locale.ROOT);
        List<String> close = index.specs.types().stream()
            .filter(t -> Names.distance(t.toLowerCase(Locale.ROOT), lower) <= 4)
            .sorted(Comparator.comparingInt((String t) -> Names.distance(t, type)).thenComparing(t -> t))
            .limit(3).toList();
        List<String> path = List.of("Resources", id, "Type");
        out.add(close.isEmpty() ? Problem.of(path, Diagnostic.UnknownResourceTypeNoneClose, type)
            : Problem.of(path, Diagnostic.UnknownResourceType, type, String.join(", ", close)));
        return;
      }
      PropertyChecker.check(spec, resource.properties(), List.of("Resources", id, "Properties"), out);
    });
    return out;
  }
}
