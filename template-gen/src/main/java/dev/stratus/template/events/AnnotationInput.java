package dev.stratus.template.events;

import dev.stratus.template.Value;
import dev.stratus.template.diagnostics.Message;
import java.util.List;

/**
 * An event annotation's attributes as the processor reads them (defaults included), and a way to report a
 * mistake on one of them. It keeps {@code javax.lang.model} out of the event model.
 */
public interface AnnotationInput {
  String string(String attribute);

  List<String> strings(String attribute);

  int integer(String attribute);

  boolean bool(String attribute);

  /** Whether the source wrote the attribute, so that a value equal to the default is still checked. */
  boolean isExplicit(String attribute);

  /** {@code "!Ref X"} as the intrinsic, other text as itself; null after reporting text that does not parse. */
  Value textOrIntrinsic(String attribute);

  /** The attribute's YAML; null after reporting text that does not parse. */
  Value yaml(String attribute);

  void report(String attribute, Message message);
}
