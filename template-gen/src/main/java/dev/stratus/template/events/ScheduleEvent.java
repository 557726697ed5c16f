package dev.stratus.template.events;

import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code Type: Schedule} (an EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler). */
public record ScheduleEvent(String type, Mapping properties) implements SamEvent {
  public static final EventKind<ScheduleEvent> KIND = new EventKind<>("OnSchedule", List.of("Schedule", "ScheduleV2"),
      List.of("ScheduledEvent"), ScheduleEvent::new, ScheduleEvent::fromAnnotation, in -> "Schedule",
      Typed.wholeInput("SCHEDULE", "the schedule's input"));

  /**
   * A rule ({@code Schedule}), or with a time zone or a one-time {@code at(...)}, which rules cannot do, a
   * schedule of EventBridge Scheduler ({@code ScheduleV2}).
   */
  static ScheduleEvent fromAnnotation(AnnotationInput in) {
    String zone = in.string("timezone");
    boolean scheduler = !zone.isEmpty() || in.string("value").trim().startsWith("at(");
    Mapping.Builder p = Mapping.builder().put(scheduler ? "ScheduleExpression" : "Schedule", in.string("value"));
    if (!zone.isEmpty()) {
      p.put("ScheduleExpressionTimezone", zone);
    }
    if (!in.bool("enabled")) {
      p.put(scheduler ? "State" : "Enabled", scheduler ? Value.str("DISABLED") : Value.bool(false));
    }
    if (!in.string("input").isEmpty()) {
      if (in.yaml("input") == null) {
        return null;
      }
      p.put("Input", in.string("input"));
    }
    return new ScheduleEvent(scheduler ? "ScheduleV2" : "Schedule", p.build());
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.schedule(this);
  }

  /** The expression as written: {@code Schedule} of a rule, {@code ScheduleExpression} of a scheduler. */
  public Value expression() {
    return properties.get(type.equals("Schedule") ? "Schedule" : "ScheduleExpression");
  }

  /** {@code Enabled: false} of a rule, or {@code State: DISABLED} of a scheduler; null when not set. */
  @Override
  public Value source() {
    return expression();
  }

  public Value enabled() {
    return properties.get("Enabled");
  }

  public Value state() {
    return properties.get("State");
  }

  /** The JSON the target receives instead of the event; null for the event. */
  public Value input() {
    return properties.get("Input");
  }

  /** {@code ScheduleExpressionTimezone} of a scheduler; null for UTC. */
  public Value timezone() {
    return properties.get("ScheduleExpressionTimezone");
  }

  @Override
  public List<Message> check(Map<String, Resource> resources) {
    List<Message> out = new ArrayList<>();
    if (expression() instanceof Value.Str s) {
      ScheduleExpression parsed = ScheduleExpression.parse(s.value());
      if (parsed instanceof ScheduleExpression.Invalid i) {
        out.add(i.problem());
      } else if (parsed instanceof ScheduleExpression.At && type.equals("Schedule")) {
        out.add(Diagnostic.AtNeedsScheduler.with(s.value()));
      }
    }
    if (timezone() instanceof Value.Str zone && !ZoneId.getAvailableZoneIds().contains(zone.value())) {
      out.add(Diagnostic.UnknownTimeZone.with(zone.value(),
          Names.closest(zone.value(), ZoneId.getAvailableZoneIds()).orElse("Europe/Berlin")));
    }
    return out;
  }
}
