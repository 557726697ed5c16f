package dev.stratus.processor.glue;

import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import java.util.List;

/**
 * The {@code Access-Control-Allow-Origin} a route's answers carry. For a REST API, API Gateway answers the
 * preflight from the API's {@code Cors} (or {@code Globals/Api/Cors}) but the function must send the header
 * itself; an HTTP API adds it on its own. Only a literal origin is known at compile time.
 */
public final class CorsOrigin {
  private static final String SERVERLESS_API = "AWS::Serverless::Api";

  private CorsOrigin() {}

  /** The origin for {@code route} given every template part known, or null for none. */
  public static String of(TypedMethod.Route route, List<Template> templates) {
    if (route.httpApi()) {
      return null;
    }
    if (!route.api().isEmpty()) {
      for (Template t : templates) {
        Resource api = t.resources().get(route.api());
        if (api != null && api.type().equals(SERVERLESS_API) && api.properties().get("Cors") != null) {
          return origin(api.properties().get("Cors"));
        }
      }
    }
    for (Template t : templates) {
      if (t.globals().get("Api") instanceof Mapping api && api.get("Cors") != null) {
        return origin(api.get("Cors"));
      }
    }
    return null;
  }

  /** {@code "'*'"} or {@code {AllowOrigin: "'*'"}}: SAM quotes the header's value. */
  private static String origin(Value cors) {
    Value origin = cors instanceof Mapping m ? m.get("AllowOrigin") : cors;
    if (!(origin instanceof Value.Str s)) {
      return null;
    }
    String text = s.value().strip();
    return text.length() >= 2 && text.startsWith("'") && text.endsWith("'") ? text.substring(1, text.length() - 1) : text;
  }
}
