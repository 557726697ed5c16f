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

/** {@code Type: HttpApi}: a route of an HTTP API, the implicit one unless {@code ApiId} names another. */
public record HttpApiEvent(Mapping properties) implements SamEvent {
  /** HTTP APIs send payload format 2.0 by default, and the REST shape with format 1.0. */
  public static final EventKind<HttpApiEvent> KIND = new EventKind<>("HttpApiRoute", List.of("HttpApi"),
      List.of("APIGatewayV2HTTPEvent", "APIGatewayProxyRequestEvent"), (type, p) -> new HttpApiEvent(p),
      HttpApiEvent::fromAnnotation, in -> HttpRoutes.eventName("Http", in));

  static HttpApiEvent fromAnnotation(AnnotationInput in) {
    Mapping.Builder p = Mapping.builder()
        .put("Path", in.string("path"))
        .put("Method", HttpRoutes.method(in.string("method")));
    if (!in.string("api").isEmpty()) {
      p.put("ApiId", Fn.ref(in.string("api")));
    }
    return new HttpApiEvent(p.build());
  }

  public String type() {
    return "HttpApi";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.httpApi(this);
  }

  public String api() {
    return properties.get("ApiId") instanceof Fn.Ref r ? r.target() : SamNames.IMPLICIT_HTTP_API;
  }

  public Value path() {
    return properties.get("Path");
  }

  public Value method() {
    return properties.get("Method");
  }

  @Override
  public List<Message> check(Function<String, String> typeOf) {
    List<Message> out = new ArrayList<>(HttpRoutes.check(properties));
    if (properties.get("ApiId") instanceof Fn.Ref ref) {
      SamEvents.expectType("ApiId", ref.target(), "AWS::Serverless::HttpApi", typeOf).ifPresent(out::add);
    }
    return out;
  }

  @Override
  public Map<String, String> generatedResources() {
    return properties.get("ApiId") != null ? Map.of() : Map.of(SamNames.IMPLICIT_HTTP_API, "AWS::ApiGatewayV2::Api");
  }
}
