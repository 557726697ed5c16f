package dev.stratus.template.events;

import dev.stratus.template.SamNames;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import java.util.List;
import java.util.Map;

/** {@code Type: Api}: a route of a REST API. */
public record ApiEvent(Mapping properties) implements RouteEvent {
  public static final EventKind<ApiEvent> KIND = new EventKind<>("ApiRoute", List.of("Api"),
      List.of("APIGatewayProxyRequestEvent"), (type, p) -> new ApiEvent(p), ApiEvent::fromAnnotation,
      in -> HttpRoutes.eventName("", in),
      Typed.ROUTE);

  static ApiEvent fromAnnotation(AnnotationInput in) {
    Mapping.Builder auth = HttpRoutes.auth(in);
    if (in.bool("apiKeyRequired")) {
      auth.put("ApiKeyRequired", Value.bool(true));
    }
    return new ApiEvent(HttpRoutes.route(in, "RestApiId").putNonEmpty("Auth", auth.build()).build());
  }

  public String type() {
    return "Api";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.api(this);
  }

  public String apiProperty() {
    return "RestApiId";
  }

  public String apiType() {
    return "AWS::Serverless::Api";
  }

  public String implicitApi() {
    return SamNames.IMPLICIT_REST_API;
  }

  /** {@code Auth.ApiKeyRequired}, null when not set. */
  public Value apiKeyRequired() {
    return properties.get("Auth") instanceof Mapping auth ? auth.get("ApiKeyRequired") : null;
  }

  @Override
  public Map<String, String> generatedResources() {
    if (properties.get(apiProperty()) != null) {
      return Map.of();
    }
    return Map.of(SamNames.IMPLICIT_REST_API, "AWS::ApiGateway::RestApi",
        SamNames.IMPLICIT_REST_API_STAGE, "AWS::ApiGateway::Stage",
        SamNames.IMPLICIT_REST_API_DEPLOYMENT, "AWS::ApiGateway::Deployment");
  }
}
