package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import dev.stratus.template.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code Type: EventBridgeRule} (or its older name {@code CloudWatchEvent}): a rule on an event bus whose pattern
 * picks the events the function receives, one per invocation.
 */
public record EventBridgeRuleEvent(String type, Mapping properties) implements SamEvent {
  public static final String BUS = "AWS::Events::EventBus";
  public static final EventKind<EventBridgeRuleEvent> KIND = new EventKind<>("OnEventBridgeRule",
      List.of("EventBridgeRule", "CloudWatchEvent"), List.of("ScheduledEvent"), EventBridgeRuleEvent::new,
      EventBridgeRuleEvent::fromAnnotation, EventBridgeRuleEvent::defaultName,
      Typed.eachInEnvelope("EVENTBRIDGE", "EventBridge events", "dev.stratus.runtime.BusEvent", "detail", false));

  static EventBridgeRuleEvent fromAnnotation(AnnotationInput in) {
    Value pattern = in.yaml("pattern");
    if (pattern == null) {
      return null;
    }
    String text = in.string("pattern");
    List<EventPattern.Problem> problems = EventPattern.check(EventPattern.plain(pattern));
    for (EventPattern.Problem p : problems) {
      int line = text.contains("\n") ? YamlReader.lineOf(text, p.path()) : 0;
      in.report("pattern", Diagnostic.InvalidEventPattern.with(line > 0 ? " (line " + line + " of the text)" : "",
          p.message()));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    Mapping.Builder p = Mapping.builder().put("Pattern", pattern);
    String bus = in.string("bus");
    if (!bus.isEmpty() && !bus.equals("default")) {
      p.put("EventBusName", Names.isValidLogicalId(bus) ? Fn.ref(bus) : in.textOrIntrinsic("bus"));
    }
    return new EventBridgeRuleEvent("EventBridgeRule", p.build());
  }

  /** From what the pattern matches first: {@code OrderPlacedRule} for {@code detail-type: [Order Placed]}. */
  private static String defaultName(AnnotationInput in) {
    Value pattern = in.yaml("pattern"); // the processor's parse, kept: not read a second time
    for (String field : List.of("detail-type", "source")) {
      if (pattern instanceof Mapping m && m.get(field) instanceof Value.Seq s && !s.items().isEmpty()
          && s.items().get(0) instanceof Value.Str first) {
        String name = SamEvents.alphanumeric(first.value());
        if (!name.isEmpty() && name.length() < 60) {
          return SamEvents.capitalize(name) + "Rule";
        }
      }
    }
    return "Rule";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.eventBridge(this);
  }

  public Value pattern() {
    return properties.get("Pattern");
  }

  /** The bus as written ({@code !Ref OrdersBus}, a name or an ARN); null for the account's default bus. */
  public Value bus() {
    return properties.get("EventBusName");
  }

  @Override
  public Value source() {
    return bus() != null ? bus() : Value.str("default");
  }

  @Override
  public List<Message> check(Map<String, Resource> resources) {
    List<Message> out = new ArrayList<>();
    if (pattern() != null && !(pattern() instanceof Fn)) {
      for (EventPattern.Problem p : EventPattern.check(EventPattern.plain(pattern()))) {
        out.add(Diagnostic.InvalidEventPattern.with(p.path().isEmpty() ? "" : " at " + String.join(".", p.path()),
            p.message()));
      }
    }
    if (bus() instanceof Fn.Ref ref) {
      SamEvents.expectType("EventBusName", ref.target(), BUS, resources).ifPresent(out::add);
    }
    return out;
  }
}
