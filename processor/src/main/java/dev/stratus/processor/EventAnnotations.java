package dev.stratus.processor;

import dev.stratus.template.events.EventKind;
import dev.stratus.template.events.SamEvents;
import java.lang.annotation.Annotation;
import java.lang.annotation.Repeatable;
import java.util.ArrayList;
import java.util.List;

/** The annotation of each event kind of the model ({@code @ApiRoute} for {@code Api}, …), and their containers. */
final class EventAnnotations {
  private static final String PACKAGE = "dev.stratus.annotations.";

  record Binding(EventKind<?> kind, Class<? extends Annotation> annotation) {}

  static final List<Binding> ALL = SamEvents.KINDS.stream()
      .map(k -> new Binding(k, annotation(k.annotation()))).toList();

  private EventAnnotations() {}

  /** Every event annotation and its container for repeated use. */
  static List<Class<? extends Annotation>> withContainers() {
    List<Class<? extends Annotation>> out = new ArrayList<>();
    for (Binding b : ALL) {
      out.add(b.annotation());
      Repeatable repeatable = b.annotation().getAnnotation(Repeatable.class);
      if (repeatable != null) {
        out.add(repeatable.value());
      }
    }
    return out;
  }

  private static Class<? extends Annotation> annotation(String simpleName) {
    try {
      return Class.forName(PACKAGE + simpleName).asSubclass(Annotation.class);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the event kind's annotation @" + simpleName + " is not in " + PACKAGE, e);
    }
  }
}
