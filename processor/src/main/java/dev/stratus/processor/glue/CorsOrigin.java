package dev.stratus.processor.glue;

import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.events.ApiCors;
import java.util.List;

/**
 * The {@code Access-Control-Allow-Origin} a route's answers carry. For a REST API, API Gateway answers the
 * preflight from the API's {@code Cors} (or {@code Globals/Api/Cors}) but the function must send the header
 * itself; an HTTP API adds it on its own. Only a literal origin is known at compile time.
 */
public final class CorsOrigin {
  private CorsOrigin() {}

  /** The origin for {@code route} given every template part known, or null for none. */
  public static String of(TypedMethod.Route route, List<Template> templates) {
    if (route.httpApi()) {
      return null;
    }
    Value cors = ApiCors.declared(templates, route.api(), false);
    // "'*'" or {AllowOrigin: "'*'"}
    Value origin = cors instanceof Mapping m ? m.get("AllowOrigin") : cors;
    return origin instanceof Value.Str s ? ApiCors.unquote(s.value()) : null;
  }
}
