package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.SamNames;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code Type: Api}: a route of a REST API, the implicit one unless {@code RestApiId} names another. */
public record ApiEvent(Mapping properties) implements SamEvent {
  public static final EventKind<ApiEvent> KIND = new EventKind<>("ApiRoute", List.of("Api"),
      List.of("APIGatewayProxyRequestEvent"), (type, p) -> new ApiEvent(p), ApiEvent::fromAnnotation,
      in -> HttpRoutes.eventName("", in));

  static ApiEvent fromAnnotation(AnnotationInput in) {
    Mapping.Builder p = Mapping.builder()
        .put("Path", in.string("path"))
        .put("Method", HttpRoutes.method(in.string("method")));
    if (!in.string("api").isEmpty()) {
      p.put("RestApiId", Fn.ref(in.string("api")));
    }
    if (in.bool("apiKeyRequired")) {
      p.put("Auth", Mapping.builder().put("ApiKeyRequired", Value.bool(true)).build());
    }
    return new ApiEvent(p.build());
  }

  public String type() {
    return "Api";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.api(this);
  }

  /** The API's logical id: {@code RestApiId}, else the implicit API. */
  public String api() {
    return properties.get("RestApiId") instanceof Fn.Ref r ? r.target() : SamNames.IMPLICIT_REST_API;
  }

  public Value path() {
    return properties.get("Path");
  }

  public Value method() {
    return properties.get("Method");
  }

  /** {@code Auth.ApiKeyRequired}, null when not set. */
  public Value apiKeyRequired() {
    return properties.get("Auth") instanceof Mapping auth ? auth.get("ApiKeyRequired") : null;
  }

  @Override
  public List<Message> check(Function<String, String> typeOf) {
    List<Message> out = new ArrayList<>(HttpRoutes.check(properties));
    if (properties.get("RestApiId") instanceof Fn.Ref ref) {
      SamEvents.expectType("RestApiId", ref.target(), "AWS::Serverless::Api", typeOf).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public Map<String, String> generatedResources() {
    if (properties.get("RestApiId") != null) {
      return Map.of();
    }
    return Map.of(SamNames.IMPLICIT_REST_API, "AWS::ApiGateway::RestApi",
        SamNames.IMPLICIT_REST_API_STAGE, "AWS::ApiGateway::Stage",
        SamNames.IMPLICIT_REST_API_DEPLOYMENT, "AWS::ApiGateway::Deployment");
  }
}
