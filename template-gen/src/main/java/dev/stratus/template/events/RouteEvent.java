package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A route of a REST or an HTTP API: a method and a path on an API, the implicit one unless the event names one. */
public sealed interface RouteEvent extends SamEvent permits ApiEvent, HttpApiEvent {
  /** The property naming the API: {@code RestApiId} or {@code ApiId}. */
  String apiProperty();

  /** The type of the API it may name. */
  String apiType();

  /** The API SAM creates when the event names none. */
  String implicitApi();

  /** The API's logical id. */
  default String api() {
    return properties().get(apiProperty()) instanceof Fn.Ref r ? r.target() : implicitApi();
  }

  default Value path() {
    return properties().get("Path");
  }

  default Value method() {
    return properties().get("Method");
  }

  @Override
  default List<Message> check(Map<String, Resource> resources) {
    List<Message> out = new ArrayList<>(HttpRoutes.check(properties()));
    if (properties().get(apiProperty()) instanceof Fn.Ref ref) {
      SamEvents.expectType(apiProperty(), ref.target(), apiType(), resources).ifPresent(out::add);
    }
    return out;
  }
}
