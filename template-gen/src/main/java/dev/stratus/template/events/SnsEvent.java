package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import java.util.List;
import java.util.Map;

/** {@code Type: SNS}: one invocation per message published to a topic, optionally filtered. */
public record SnsEvent(Mapping properties) implements SamEvent {
  public static final EventKind<SnsEvent> KIND = new EventKind<>("OnSnsMessage", List.of("SNS"), List.of("SNSEvent"),
      (type, p) -> new SnsEvent(p), SnsEvent::fromAnnotation,
      in -> SamEvents.alphanumeric(in.string("topic")) + "Messages",
      Typed.eachRecord("SNS", "SNS messages", null, false));

  static SnsEvent fromAnnotation(AnnotationInput in) {
    Value topic = SamEvents.source(in, "topic", null);
    if (topic == null) {
      return null;
    }
    Mapping.Builder p = Mapping.builder().put("Topic", topic);
    if (in.isExplicit("batchSize")) {
      in.report("batchSize", Diagnostic.SnsBatchSize.with(in.integer("batchSize")));
    }
    if (!in.string("filterPolicy").isEmpty()) {
      Value policy = in.yaml("filterPolicy");
      if (policy == null) {
        return null;
      }
      p.put("FilterPolicy", policy);
    }
    return new SnsEvent(p.build());
  }

  public String type() {
    return "SNS";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.sns(this);
  }

  @Override
  public Value source() {
    return topic();
  }

  public Value topic() {
    return properties.get("Topic");
  }

  @Override
  public List<Message> check(Map<String, Resource> resources) {
    return topic() instanceof Fn.Ref ref
        ? SamEvents.expectType("Topic", ref.target(), "AWS::SNS::Topic", resources).stream().toList() : List.of();
  }
}
