package dev.stratus.template.check;

import dev.stratus.template.Resource;
import dev.stratus.template.auth.Authorizers;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.events.ApiEvent;
import dev.stratus.template.events.HttpApiEvent;
import dev.stratus.template.events.SamEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Each event's own rules (routes, schedules, batch sizes, source types), and how a function's events fit together. */
final class EventRules implements Check {
  public List<Problem> run(TemplateIndex index) {
    List<Problem> out = new ArrayList<>();
    Set<String> authorizers = Authorizers.authorizerFunctions(index.template);
    index.events.forEach((function, events) -> {
      for (Map.Entry<String, SamEvent> e : events.entrySet()) {
        List<String> path = List.of("Resources", function, "Properties", "Events", e.getKey());
        e.getValue().check(index.template.resources()).forEach(m -> out.add(m.at(path)));
      }
      Resource fn = index.template.resources().get(function);
      if (events.isEmpty() && (fn == null || fn.properties().get("FunctionUrlConfig") == null)
          && !authorizers.contains(function)) {
        out.add(Problem.of(List.of("Resources", function), Diagnostic.FunctionWithoutEvents, function));
      }
      boolean rest = events.values().stream().anyMatch(ApiEvent.class::isInstance);
      boolean http = events.values().stream().anyMatch(HttpApiEvent.class::isInstance);
      if (rest && http) {
        out.add(Problem.of(List.of("Resources", function), Diagnostic.MixedApiKinds, function));
      }
    });
    return out;
  }
}
