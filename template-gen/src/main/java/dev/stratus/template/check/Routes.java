package dev.stratus.template.check;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.events.ApiEvent;
import dev.stratus.template.events.RouteEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Routes across functions, per API, as API Gateway sees them: one function per method and path, one name per
 * path parameter segment, {@code ANY} next to a method, and API keys that some usage plan serves.
 */
final class Routes implements Check {
  /** One route of one function, where a problem about it is reported. */
  private record Route(String function, String event, String method, String path, RouteEvent source) {
    List<String> at() {
      return List.of("Resources", function, "Properties", "Events", event);
    }
  }

  public List<Problem> run(TemplateIndex index) {
    List<Problem> out = new ArrayList<>();
    Map<String, List<Route>> byApi = new LinkedHashMap<>();
    index.events.forEach((function, events) -> events.forEach((name, e) -> {
      if (e instanceof RouteEvent r && r.method() instanceof Value.Str m && r.path() instanceof Value.Str p) {
        byApi.computeIfAbsent(r.type() + " " + r.api(), k -> new ArrayList<>())
            .add(new Route(function, name, m.value().toUpperCase(Locale.ROOT), p.value(), r));
      }
    }));
    byApi.values().forEach(routes -> {
      duplicatesAndOverlaps(routes, out);
      parameters(routes, out);
    });
    apiKeys(index, byApi, out);
    return out;
  }

  private static void duplicatesAndOverlaps(List<Route> routes, List<Problem> out) {
    Map<String, Route> seen = new HashMap<>();
    for (Route r : routes) {
      Route first = seen.putIfAbsent(r.method() + " " + r.path(), r);
      if (first != null) {
        out.add(Problem.of(r.at(), Diagnostic.DuplicateRoute, r.method(), r.path(), r.source().api(), first.function(),
            first.event(), r.function(), r.event()));
      }
    }
    for (Route any : routes) {
      if (!any.method().equals("ANY")) {
        continue;
      }
      for (Route r : routes) {
        if (!r.method().equals("ANY") && r.path().equals(any.path())) {
          out.add(Problem.of(any.at(), Diagnostic.OverlappingRoutes, any.path(), any.function(), r.method(), r.path(),
              r.function(), any.source().api(), r.method(), r.function(), any.function()));
        }
      }
    }
  }

  /** Under one parent, every route must call a parameter segment by the same name. */
  private static void parameters(List<Route> routes, List<Problem> out) {
    Map<String, Route> named = new HashMap<>();
    Set<String> reported = new java.util.HashSet<>();
    for (Route r : routes) {
      String[] segments = r.path().split("/");
      StringBuilder parent = new StringBuilder();
      for (String segment : segments) {
        if (segment.startsWith("{") && segment.endsWith("}")) {
          Route first = named.putIfAbsent(parent.toString(), r);
          String theirs = first == null ? segment : segmentAfter(first.path(), parent.toString());
          if (first != null && !theirs.equals(segment) && reported.add(parent + "|" + theirs + "|" + segment)) {
            out.add(Problem.of(r.at(), Diagnostic.ConflictingPathParameters, r.path(), r.function(), first.path(),
                first.function(), theirs));
          }
          segment = "{}";
        }
        parent.append(segment).append('/');
      }
    }
  }

  /** The segment of {@code path} that follows the normalised {@code parent}. */
  private static String segmentAfter(String path, String parent) {
    String[] segments = path.split("/");
    int depth = parent.isEmpty() ? 0 : parent.split("/", -1).length - 1;
    return segments[depth];
  }

  private static void apiKeys(TemplateIndex index, Map<String, List<Route>> byApi, List<Problem> out) {
    byApi.values().forEach(routes -> {
      for (Route r : routes) {
        if (r.source() instanceof ApiEvent api && Value.bool(true).equals(api.apiKeyRequired())
            && !servedByUsagePlan(index, api.api())) {
          out.add(Problem.of(r.at(), Diagnostic.ApiKeyWithoutUsagePlan, r.function(), r.method() + " " + r.path(),
              api.api(), api.api()));
        }
      }
    });
  }

  /** A usage plan of the template names the API in its stages, or SAM makes one for it. */
  private static boolean servedByUsagePlan(TemplateIndex index, String api) {
    for (Resource r : index.template.resources().values()) {
      if (r.type().equals("AWS::ApiGateway::UsagePlan") && r.properties().get("ApiStages") instanceof Value.Seq stages
          && stages.items().stream().anyMatch(s -> s instanceof Mapping m && m.get("ApiId") instanceof Fn.Ref ref
              && ref.target().equals(api))) {
        return true;
      }
    }
    Resource declared = index.template.resources().get(api);
    Value auth = declared != null ? declared.properties().get("Auth")
        : index.template.globals().get("Api") instanceof Mapping g ? g.get("Auth") : null;
    return auth instanceof Mapping a && a.get("UsagePlan") instanceof Mapping plan
        && !(plan.get("CreateUsagePlan") instanceof Value.Str s && s.value().equals("NONE"));
  }
}
