package dev.stratus.template.events;

import dev.stratus.template.SamNames;
import dev.stratus.template.Value.Mapping;
import java.util.List;
import java.util.Map;

/** {@code Type: HttpApi}: a route of an HTTP API. */
public record HttpApiEvent(Mapping properties) implements RouteEvent {
  /** HTTP APIs send payload format 2.0 by default, and the REST shape with format 1.0. */
  public static final EventKind<HttpApiEvent> KIND = new EventKind<>("HttpApiRoute", List.of("HttpApi"),
      List.of("APIGatewayV2HTTPEvent", "APIGatewayProxyRequestEvent"), (type, p) -> new HttpApiEvent(p),
      in -> new HttpApiEvent(HttpRoutes.route(in, "ApiId").putNonEmpty("Auth", HttpRoutes.auth(in).build()).build()),
      in -> HttpRoutes.eventName("Http", in),
      Typed.ROUTE);

  public String type() {
    return "HttpApi";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.httpApi(this);
  }

  public String apiProperty() {
    return "ApiId";
  }

  public String apiType() {
    return "AWS::Serverless::HttpApi";
  }

  public String implicitApi() {
    return SamNames.IMPLICIT_HTTP_API;
  }

  @Override
  public Map<String, String> generatedResources() {
    return properties.get(apiProperty()) != null ? Map.of() : Map.of(SamNames.IMPLICIT_HTTP_API, "AWS::ApiGatewayV2::Api");
  }
}
