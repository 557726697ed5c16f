package dev.stratus.template.check;

import dev.stratus.template.Names;
import dev.stratus.template.Template;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The template's own rules: valid names in every section, CloudFormation's count limits, Globals only with SAM. */
final class IdsAndLimits implements Check {
  static final int MAX_RESOURCES = 500;
  static final int MAX_PARAMETERS = 200;
  static final int MAX_OUTPUTS = 200;
  static final int MAX_MAPPINGS = 200;

  public List<Problem> run(TemplateIndex index) {
    Template t = index.template;
    List<Problem> out = new ArrayList<>();
    ids(out, "Parameters", t.parameters().keySet());
    ids(out, "Mappings", t.mappings().keySet());
    ids(out, "Conditions", t.conditions().keySet());
    ids(out, "Resources", t.resources().keySet());
    ids(out, "Outputs", t.outputs().keySet());
    limit(out, "Resources", t.resources().size(), MAX_RESOURCES);
    limit(out, "Parameters", t.parameters().size(), MAX_PARAMETERS);
    limit(out, "Outputs", t.outputs().size(), MAX_OUTPUTS);
    limit(out, "Mappings", t.mappings().size(), MAX_MAPPINGS);
    if (!t.globals().isEmpty() && !t.isServerless()) {
      out.add(Problem.of(List.of("Globals"), Diagnostic.GlobalsWithoutTransform, Template.SERVERLESS_TRANSFORM));
    }
    return out;
  }

  private static void ids(List<Problem> out, String section, Set<String> names) {
    for (String name : new TreeSet<>(names)) {
      if (!Names.isValidLogicalId(name)) {
        out.add(Problem.of(List.of(section, name), Diagnostic.InvalidId, name, name.replaceAll("[^A-Za-z0-9]", "")));
      }
    }
  }

  private static void limit(List<Problem> out, String section, int count, int max) {
    if (count > max) {
      out.add(Problem.of(List.of(section), Diagnostic.LimitExceeded, section, count, max, count - max));
    }
  }
}
