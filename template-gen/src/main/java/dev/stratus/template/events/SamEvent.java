package dev.stratus.template.events;

import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Message;
import java.util.List;
import java.util.Map;

/**
 * One entry of a serverless function's {@code Events}, typed by its kind. Each kind keeps its properties as
 * written (so a template reads back and writes out unchanged) and knows its own rules and what SAM makes of
 * it. Code that treats events kind by kind takes a {@link Visitor}, so that a new kind it forgets does not
 * compile.
 */
public sealed interface SamEvent
    permits RouteEvent, S3Event, ScheduleEvent, SqsEvent, SnsEvent, EventBridgeRuleEvent, StreamEvent,
    OtherEvent {

  interface Visitor<R> {
    R api(ApiEvent event);

    R httpApi(HttpApiEvent event);

    R s3(S3Event event);

    R schedule(ScheduleEvent event);

    R sqs(SqsEvent event);

    R sns(SnsEvent event);

    R eventBridge(EventBridgeRuleEvent event);

    R dynamoDb(DynamoDbStreamEvent event);

    R kinesis(KinesisEvent event);

    R other(OtherEvent event);
  }

  /** SAM's {@code Type}: {@code Api}, {@code S3}, … */
  String type();

  Mapping properties();

  <R> R accept(Visitor<R> visitor);

  /**
   * What is wrong with the event's parameters; {@code types} are the template's resources by logical id.
   */
  default List<Message> check(Map<String, Resource> resources) {
    return List.of();
  }

  /**
   * What the events come from, as written: the queue, topic, bucket or stream ({@code !GetAtt Jobs.Arn}), a
   * schedule's expression; null for routes, whose method and path say it.
   */
  default Value source() {
    return null;
  }

  /**
   * The same event with {@code ReportBatchItemFailures}: the function names the records that failed. Only the
   * kinds whose {@link Typed#reportsFailures} says so have it.
   */
  default SamEvent reportingBatchItemFailures() {
    throw new UnsupportedOperationException(type() + " events do not report batch item failures");
  }

  /** Resources SAM generates for this event that a template may refer to, with their types. */
  default Map<String, String> generatedResources() {
    return Map.of();
  }

  /** Resources that need the function to exist first: a bucket's notification configuration names it. */
  default List<String> waitsForFunction() {
    return List.of();
  }

  /** The event as it appears under {@code Events}. */
  default Mapping toMapping() {
    return Mapping.builder().put("Type", type()).put("Properties", properties()).build();
  }

  /** The text of a property when it is plain text; null when absent or an intrinsic. */
  static String text(Mapping properties, String key) {
    return properties.get(key) instanceof Value.Str s ? s.value() : null;
  }
}
