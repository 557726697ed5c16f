package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code Type: SQS}: batches of messages from a queue. */
public record SqsEvent(Mapping properties) implements SamEvent {
  public static final int MAX_BATCH_SIZE = 10_000;
  public static final EventKind<SqsEvent> KIND = new EventKind<>("OnSqsMessage", List.of("SQS"), List.of("SQSEvent"),
      (type, p) -> new SqsEvent(p), SqsEvent::fromAnnotation,
      in -> SamEvents.alphanumeric(in.string("queue")) + "Messages",
      Typed.eachRecord("SQS", "SQS messages", null, true));

  static SqsEvent fromAnnotation(AnnotationInput in) {
    Value queue = SamEvents.source(in, "queue", "Arn");
    if (queue == null) {
      return null;
    }
    Mapping.Builder p = Mapping.builder().put("Queue", queue);
    if (in.isExplicit("batchSize")) {
      p.put("BatchSize", Value.num(in.integer("batchSize")));
    }
    return new SqsEvent(p.build());
  }

  public String type() {
    return "SQS";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.sqs(this);
  }

  @Override
  public SqsEvent reportingBatchItemFailures() {
    return new SqsEvent(SamEvents.reportingBatchItemFailures(properties));
  }

  /** The queue's ARN as written: {@code !GetAtt Queue.Arn} for a queue of the template. */
  public Value queue() {
    return properties.get("Queue");
  }

  @Override
  public Value source() {
    return queue();
  }

  public Value batchSize() {
    return properties.get("BatchSize");
  }

  @Override
  public List<Message> check(Map<String, Resource> resources) {
    List<Message> out = new ArrayList<>();
    SamEvents.batchSizeOutOfRange(batchSize(), "SQS", MAX_BATCH_SIZE, 10).ifPresent(out::add);
    if (queue() instanceof Fn.GetAtt g) {
      SamEvents.expectType("Queue", g.resource(), "AWS::SQS::Queue", resources).ifPresent(out::add);
    }
    return out;
  }
}
