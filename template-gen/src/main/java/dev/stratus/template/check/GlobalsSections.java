package dev.stratus.template.check;

import dev.stratus.template.Names;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code Globals} as SAM reads it: sections it knows, in each only the properties its Globals plugin applies,
 * and their values against the schema of the resources they are applied to.
 */
final class GlobalsSections implements Check {
  private static final String SAM = "AWS::Serverless::";

  public List<Problem> run(TemplateIndex index) {
    List<Problem> out = new ArrayList<>();
    Map<String, List<String>> sections = index.specs.globalsSections();
    if (sections.isEmpty()) {
      return out;
    }
    index.template.globals().entries().forEach((section, value) -> {
      List<String> path = List.of("Globals", section);
      List<String> allowed = sections.get(section);
      if (allowed == null) {
        out.add(Problem.of(path, Diagnostic.UnknownGlobalsSection, section, Names.suggestion(section,
            sections.keySet()), String.join(", ", new TreeSet<>(sections.keySet()))));
        return;
      }
      if (!(value instanceof Mapping properties)) {
        return; // the link step reports a section that is no mapping
      }
      properties.entries().keySet().stream().filter(p -> !allowed.contains(p)).forEach(p -> out.add(Problem.of(
          List.of("Globals", section, p), Diagnostic.UnknownGlobalsProperty, section, p, Names.suggestion(p, allowed),
          String.join(", ", allowed))));
      ResourceSpecs.Spec spec = index.specs.spec(SAM + section);
      if (spec != null) {
        PropertyChecker.checkValues(spec, properties, path, out);
      }
    });
    return out;
  }
}
