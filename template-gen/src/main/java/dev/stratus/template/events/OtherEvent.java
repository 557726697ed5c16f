package dev.stratus.template.events;

import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;

/** An event of a kind Stratus does not model (Kinesis, EventBridgeRule, …), from a base template, kept as written. */
public record OtherEvent(Value event) implements SamEvent {
  public String type() {
    return event instanceof Mapping m && m.get("Type") instanceof Value.Str s ? s.value() : "";
  }

  public Mapping properties() {
    return event instanceof Mapping m && m.get("Properties") instanceof Mapping p ? p : Mapping.EMPTY;
  }

  /** The property that names the source in the kinds SAM has and Stratus does not model: a stream, a queue. */
  @Override
  public Value source() {
    for (String key : java.util.List.of("Stream", "Queue", "Topic", "Bucket", "Broker")) {
      if (properties().get(key) != null) {
        return properties().get(key);
      }
    }
    return null;
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.other(this);
  }

  @Override
  public Mapping toMapping() {
    return event instanceof Mapping m ? m : Mapping.EMPTY;
  }
}
