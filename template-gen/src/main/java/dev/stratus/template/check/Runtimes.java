package dev.stratus.template.check;

import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Lambda runtimes that exist, and those past their deprecation or end of life on {@code today}. */
final class Runtimes implements Check {
  private final LocalDate today;

  Runtimes(LocalDate today) {
    this.today = today;
  }

  public List<Problem> run(TemplateIndex index) {
    List<Problem> out = new ArrayList<>();
    index.template.resources().forEach((id, r) -> {
      if (r.type().equals(Resource.SERVERLESS_FUNCTION) || r.type().equals("AWS::Lambda::Function")) {
        check(index.specs, r.properties().get("Runtime"), List.of("Resources", id, "Properties", "Runtime"), out);
      }
    });
    if (index.template.globals().get("Function") instanceof Mapping function) {
      check(index.specs, function.get("Runtime"), List.of("Globals", "Function", "Runtime"), out);
    }
    return out;
  }

  private void check(ResourceSpecs specs, Value runtime, List<String> path, List<Problem> out) {
    if (!(runtime instanceof Value.Str s) || specs.knownRuntimes().isEmpty()) {
      return;
    }
    String name = s.value();
    if (!specs.knownRuntimes().contains(name)) {
      out.add(Problem.of(path, Diagnostic.InvalidRuntime, name, Names.suggestion(name, specs.knownRuntimes())));
      return;
    }
    Map<String, String> lifecycle = specs.runtimeLifecycle(name);
    if (lifecycle == null) {
      return;
    }
    String successor = lifecycle.get("successor") == null ? "" : "; use " + lifecycle.get("successor");
    String createBlock = lifecycle.get("create-block");
    String deprecated = lifecycle.get("deprecated");
    if (createBlock != null && !LocalDate.parse(createBlock).isAfter(today)) {
      out.add(Problem.of(path, Diagnostic.RetiredRuntime, name, createBlock, successor));
    } else if (deprecated != null && !LocalDate.parse(deprecated).isAfter(today)) {
      out.add(Problem.of(path, Diagnostic.DeprecatedRuntime, name, deprecated,
          createBlock == null ? "" : "; Lambda stops creating functions on it on " + createBlock, successor));
    }
  }
}
