package dev.stratus.processor;

import dev.stratus.template.Value;
import dev.stratus.template.diagnostics.Message;
import dev.stratus.template.events.AnnotationInput;
import java.util.List;

/** An event annotation as the event model reads it: attribute values, and reports on the attribute that holds them. */
final class EventInput implements AnnotationInput {
  private final AnnotationView view;
  private final YamlText yaml;
  private final Reporter reporter;

  EventInput(AnnotationView view, YamlText yaml, Reporter reporter) {
    this.view = view;
    this.yaml = yaml;
    this.reporter = reporter;
  }

  public String string(String attribute) {
    return view.string(attribute);
  }

  public List<String> strings(String attribute) {
    return view.strings(attribute);
  }

  public int integer(String attribute) {
    return view.integer(attribute);
  }

  public boolean bool(String attribute) {
    return view.bool(attribute);
  }

  public boolean isExplicit(String attribute) {
    return view.isExplicit(attribute);
  }

  public Value textOrIntrinsic(String attribute) {
    return yaml.textOrIntrinsic(view.string(attribute), view.at(attribute), attribute);
  }

  public Value yaml(String attribute) {
    return yaml.yaml(view.string(attribute), view.at(attribute), attribute);
  }

  public void report(String attribute, Message message) {
    reporter.report(view.at(attribute), message);
  }
}
