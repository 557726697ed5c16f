package dev.stratus.template.events;

import dev.stratus.template.Resource;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code Type: Kinesis}: batches of a Kinesis stream's records, in order per shard. */
public record KinesisEvent(Mapping properties) implements StreamEvent {
  public static final String STREAM = "AWS::Kinesis::Stream";
  public static final int MAX_BATCH_SIZE = 10_000;
  public static final int DEFAULT_BATCH_SIZE = 100;
  public static final EventKind<KinesisEvent> KIND = new EventKind<>("OnKinesisRecord", List.of("Kinesis"),
      List.of("KinesisEvent"), (type, p) -> new KinesisEvent(p), KinesisEvent::fromAnnotation,
      in -> SamEvents.alphanumeric(in.string("stream")) + "Records",
      Typed.eachRecord("KINESIS", "Kinesis records", null, true));

  static KinesisEvent fromAnnotation(AnnotationInput in) {
    Mapping p = SamEvents.streamProperties(in, "stream", "Arn");
    return p == null ? null : new KinesisEvent(p);
  }

  public String type() {
    return "Kinesis";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.kinesis(this);
  }

  @Override
  public KinesisEvent reportingBatchItemFailures() {
    return new KinesisEvent(SamEvents.reportingBatchItemFailures(properties));
  }

  @Override
  public List<Message> check(Map<String, Resource> resources) {
    List<Message> out = new ArrayList<>(SamEvents.checkStream(properties, "a Kinesis stream", MAX_BATCH_SIZE,
        DEFAULT_BATCH_SIZE, true));
    String stream = resource();
    if (stream != null) {
      SamEvents.expectType("Stream", stream, STREAM, resources).ifPresent(out::add);
    }
    return out;
  }
}
