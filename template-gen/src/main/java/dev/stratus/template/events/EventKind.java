package dev.stratus.template.events;

import dev.stratus.template.Value.Mapping;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A kind of event and the annotation that declares it: the SAM types it reads, the aws-lambda-java-events
 * types it delivers, and how an annotation becomes the event and names it when the user gives no name.
 *
 * @param fromAnnotation null after the input reported why the annotation makes no event
 * @param typed what a typed method of the kind is handed, or null when no typed method takes the kind
 */
public record EventKind<E extends SamEvent>(
    String annotation,
    List<String> samTypes,
    List<String> javaTypes,
    BiFunction<String, Mapping, E> reader,
    Function<AnnotationInput, E> fromAnnotation,
    Function<AnnotationInput, String> defaultName,
    Typed typed) {

  static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events.";

  public EventKind {
    samTypes = List.copyOf(samTypes);
    javaTypes = javaTypes.stream().map(t -> EVENTS_PACKAGE + t).toList();
  }
}
