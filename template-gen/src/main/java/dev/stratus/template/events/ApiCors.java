package dev.stratus.template.events;

import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import java.util.List;

/**
 * Where an API's CORS is declared, as SAM reads it: the API's own {@code Cors} (REST) or
 * {@code CorsConfiguration} (HTTP API), else the one in {@code Globals}. The glue reads the origin a REST
 * route's function must send itself; the local gateway answers preflights from the whole of it.
 */
public final class ApiCors {
  private ApiCors() {}

  /** The CORS value that applies to API {@code apiId} (an implicit API has no resource), or null for none. */
  public static Value declared(List<Template> templates, String apiId, boolean httpApi) {
    String type = httpApi ? "AWS::Serverless::HttpApi" : "AWS::Serverless::Api";
    String property = httpApi ? "CorsConfiguration" : "Cors";
    for (Template t : templates) {
      Resource api = t.resources().get(apiId);
      if (api != null && api.type().equals(type) && api.properties().get(property) != null) {
        return api.properties().get(property);
      }
    }
    for (Template t : templates) {
      if (t.globals().get(httpApi ? "HttpApi" : "Api") instanceof Mapping g && g.get(property) != null) {
        return g.get(property);
      }
    }
    return null;
  }

  /** SAM writes a REST API's CORS values quoted ({@code "'*'"}): they become API Gateway mapping expressions. */
  public static String unquote(String value) {
    if (value == null) {
      return null;
    }
    String s = value.strip();
    return s.length() >= 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1) : s;
  }
}
