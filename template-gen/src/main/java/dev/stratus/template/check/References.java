package dev.stratus.template.check;

import dev.stratus.template.Names;
import dev.stratus.template.PseudoParameter;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code Ref}, {@code GetAtt}, {@code Sub} variable, {@code DependsOn}, condition and mapping name must
 * name something the template (or SAM, or CloudFormation) defines; conditions may only refer to parameters;
 * a conditional resource may only be used where its condition holds.
 */
final class References implements Check {
  public List<Problem> run(TemplateIndex index) {
    Template t = index.template;
    List<Problem> out = new ArrayList<>();
    for (TemplateIndex.Use use : index.uses) {
      switch (use.kind()) {
        case REF -> ref(index, use, out);
        case GET_ATT -> getAtt(index, use, out);
        case DEPENDS_ON -> {
          if (!t.resources().containsKey(use.target())) {
            out.add(Problem.of(use.path(), Diagnostic.UnknownDependsOn, use.target(),
                Names.suggestion(use.target(), t.resources().keySet())));
          } else {
            conditional(index, use, out);
          }
        }
      }
    }
    for (TemplateIndex.NameUse c : index.conditionUses) {
      if (!t.conditions().containsKey(c.name())) {
        out.add(t.conditions().isEmpty() ? Problem.of(c.path(), Diagnostic.UnknownConditionNoneDeclared, c.name())
            : Problem.of(c.path(), Diagnostic.UnknownCondition, c.name(),
                Names.suggestion(c.name(), t.conditions().keySet())));
      }
    }
    for (TemplateIndex.NameUse m : index.mappingUses) {
      if (!t.mappings().containsKey(m.name())) {
        out.add(Problem.of(m.path(), Diagnostic.UnknownMapping, m.name(),
            Names.suggestion(m.name(), t.mappings().keySet())));
      }
    }
    return out;
  }

  private static void ref(TemplateIndex index, TemplateIndex.Use use, List<Problem> out) {
    String target = use.target();
    if (use.scope().inCondition()) {
      if (!index.template.parameters().containsKey(target) && !PseudoParameter.isPseudo(target)) {
        out.add(Problem.of(use.path(), Diagnostic.InvalidReference, use.written(),
            Names.suggestion(target, index.template.parameters().keySet())));
      }
    } else if (!index.refNames.contains(target)) {
      out.add(Problem.of(use.path(), Diagnostic.UnknownReference, use.written(),
          Names.suggestion(target, index.refNames)));
    } else {
      conditional(index, use, out);
    }
  }

  private static void getAtt(TemplateIndex index, TemplateIndex.Use use, List<Problem> out) {
    String type = index.attributeTypes.get(use.target());
    if (type == null) {
      out.add(Problem.of(use.path(), Diagnostic.UnknownGetAttResource, use.written(),
          Names.suggestion(use.target(), index.attributeTypes.keySet())));
      return;
    }
    ResourceSpecs.Spec spec = ResourceSpecs.isChecked(type) ? index.specs.spec(type) : null;
    if (spec != null && !spec.attributes().contains(use.attribute())) {
      List<String> attributes = spec.attributes();
      out.add(attributes.isEmpty() ? Problem.of(use.path(), Diagnostic.NoAttributes, use.written(), type)
          : Problem.of(use.path(), Diagnostic.UnknownAttribute, use.written(), type, use.attribute(),
              Names.suggestion(use.attribute(), attributes), String.join(", ", attributes)));
    }
    conditional(index, use, out);
  }

  /** A use of a conditional resource must hold under that condition. */
  private static void conditional(TemplateIndex index, TemplateIndex.Use use, List<Problem> out) {
    Resource used = index.template.resources().get(use.resource());
    if (used != null && used.condition() != null && !use.scope().guards().contains(used.condition())) {
      out.add(Problem.of(use.path(), Diagnostic.ConditionalReference, use.written(), used.condition(),
          used.condition()));
    }
  }
}
