package dev.stratus.template.events;

import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code Type: DynamoDB}: batches of a table's changes from its stream, in order per item, each record with the
 * images the table's {@code StreamViewType} carries.
 */
public record DynamoDbStreamEvent(Mapping properties) implements StreamEvent {
  public static final String TABLE = "AWS::DynamoDB::Table";
  public static final int MAX_BATCH_SIZE = 10_000;
  public static final int DEFAULT_BATCH_SIZE = 100;
  public static final EventKind<DynamoDbStreamEvent> KIND = new EventKind<>("OnDynamoDbStream", List.of("DynamoDB"),
      List.of("DynamodbEvent"), (type, p) -> new DynamoDbStreamEvent(p), DynamoDbStreamEvent::fromAnnotation,
      in -> SamEvents.alphanumeric(in.string("table")) + "Stream",
      Typed.eachInEnvelope("DYNAMODB", "DynamoDB stream records", "dev.stratus.runtime.TableChange", null, true));

  static DynamoDbStreamEvent fromAnnotation(AnnotationInput in) {
    Mapping p = SamEvents.streamProperties(in, "table", "StreamArn");
    return p == null ? null : new DynamoDbStreamEvent(p);
  }

  public String type() {
    return "DynamoDB";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.dynamoDb(this);
  }

  @Override
  public DynamoDbStreamEvent reportingBatchItemFailures() {
    return new DynamoDbStreamEvent(SamEvents.reportingBatchItemFailures(properties));
  }

  /**
   * What is wrong when {@code method} reads each change's old ({@code oldImage}) or new ({@code newImage}) image
   * from the stream of {@code table}, a resource of the template, whose view type may carry neither.
   */
  public static Optional<Message> imagesRead(String method, String table, boolean oldImage, boolean newImage,
      Map<String, Resource> resources) {
    Resource r = resources.get(table);
    Value spec = r == null ? null : r.properties().get("StreamSpecification");
    if (!(spec instanceof Mapping m) || !(m.get("StreamViewType") instanceof Value.Str view)) {
      return Optional.empty(); // no stream, or a view type only deployment knows: said elsewhere, or not here
    }
    String carried = view.value();
    List<String> lacking = new ArrayList<>();
    if (oldImage && !carried.equals("OLD_IMAGE") && !carried.equals("NEW_AND_OLD_IMAGES")) {
      lacking.add("oldImage()");
    }
    if (newImage && !carried.equals("NEW_IMAGE") && !carried.equals("NEW_AND_OLD_IMAGES")) {
      lacking.add("newImage()");
    }
    String enough = !carried.equals("KEYS_ONLY") || oldImage && newImage ? "NEW_AND_OLD_IMAGES"
        : oldImage ? "OLD_IMAGE" : "NEW_IMAGE";
    return lacking.isEmpty() ? Optional.empty() : Optional.of(Diagnostic.StreamLacksImages.with(method,
        String.join(" and ", lacking), table, carried, enough));
  }

  @Override
  public List<Message> check(Map<String, Resource> resources) {
    List<Message> out = new ArrayList<>(SamEvents.checkStream(properties, "a DynamoDB stream", MAX_BATCH_SIZE,
        DEFAULT_BATCH_SIZE, false));
    String table = resource();
    if (table != null) {
      SamEvents.expectType("Stream", table, TABLE, resources).ifPresentOrElse(out::add, () -> {
        Resource r = resources.get(table);
        if (r != null && r.properties().get("StreamSpecification") == null) {
          out.add(Diagnostic.TableWithoutStream.with(table));
        }
      });
    }
    return out;
  }
}
