package dev.stratus.template.events;

import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Message;
import java.util.List;
import java.util.Map;

/** {@code Type: Schedule} (an EventBridge rule) or {@code ScheduleV2} (EventBridge Scheduler). */
public record ScheduleEvent(String type, Mapping properties) implements SamEvent {
  public static final EventKind<ScheduleEvent> KIND = new EventKind<>("OnSchedule", List.of("Schedule", "ScheduleV2"),
      List.of("ScheduledEvent"), ScheduleEvent::new, ScheduleEvent::fromAnnotation, in -> "Schedule",
      Typed.wholeInput("SCHEDULE", "the schedule's input"));

  static ScheduleEvent fromAnnotation(AnnotationInput in) {
    Mapping.Builder p = Mapping.builder().put("Schedule", in.string("value"));
    if (!in.bool("enabled")) {
      p.put("Enabled", Value.bool(false));
    }
    if (!in.string("input").isEmpty()) {
      if (in.yaml("input") == null) {
        return null;
      }
      p.put("Input", in.string("input"));
    }
    return new ScheduleEvent("Schedule", p.build());
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

  @Override
  public List<Message> check(Map<String, String> types) {
    return expression() instanceof Value.Str s && ScheduleExpression.parse(s.value()) instanceof ScheduleExpression.Invalid i
        ? List.of(i.problem()) : List.of();
  }
}
