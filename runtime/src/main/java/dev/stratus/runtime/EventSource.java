package dev.stratus.runtime;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one kind of event hands a typed method its records: where each record's item and id are, and what a
 * failed record does. SQS reports its failures in {@code batchItemFailures} (the template turns on
 * {@code ReportBatchItemFailures}), so only they come back; the others' invocations Lambda retries whole, so
 * any failure fails the invocation after every record was tried. The event kind's description in
 * {@code dev.stratus.template.events} names the constant its generated handlers use.
 *
 * @param name the kind, as {@code Routes.Listener} and {@link TestClient} name it: {@code SQS}
 * @param what what the records are, in words, for the failure's message
 * @param records the event's records are its {@code Records}; else the event is its one record
 * @param ordered the records are in order (a stream's, per shard): the first that fails ends the batch, as the
 *     source delivers it and all after it again, so no later change of an item runs before an earlier one
 * @param content an item's JSON text, for a method that takes it as its own type: the item itself when it is
 *     text, an EventBridge event's detail; null when the items have none (an S3 object)
 * @param envelope an item in its envelope with its content read by the function given, for a method that takes
 *     {@code BusEvent<Order>}; null when the items have no envelope
 */
public record EventSource<T>(String name, String what, Function<Map<?, ?>, String> id,
    Function<Map<?, ?>, T> item, boolean reportsFailures, boolean records, boolean ordered,
    Function<T, String> content, BiFunction<T, Function<String, Object>, Object> envelope) {

  /** Each message body; the reply names the messages that failed. */
  public static final EventSource<String> SQS = new EventSource<>("SQS", "SQS messages",
      r -> text(r.get("messageId")), r -> text(r.get("body")), true, true, false, m -> m, null);

  /** Each message of an SNS event (one, as SNS delivers them). */
  public static final EventSource<String> SNS = new EventSource<>("SNS", "SNS messages",
      r -> text(map(r.get("Sns")).get("MessageId")), r -> text(map(r.get("Sns")).get("Message")), false, true,
      false, m -> m, null);

  /** Each object of an S3 notification, its key decoded. */
  public static final EventSource<S3Record> S3 = new EventSource<>("S3", "S3 objects",
      r -> s3Record(r).key(), EventSource::s3Record, false, true, false, null, null);

  /** The one event of a rule's invocation, its detail as JSON text. */
  public static final EventSource<BusEvent<String>> EVENTBRIDGE = new EventSource<>("EVENTBRIDGE", "EventBridge events",
      r -> text(r.get("id")), EventSource::busEvent, false, false, false, BusEvent::detail, BusEvent::map);

  /** Each change of a DynamoDB stream, its images as JSON text; the reply names the records that failed. */
  public static final EventSource<TableChange<String>> DYNAMODB = new EventSource<>("DYNAMODB",
      "DynamoDB stream records", r -> text(map(r.get("dynamodb")).get("SequenceNumber")), EventSource::tableChange,
      true, true, true, null, TableChange::map);

  /** Each record of a Kinesis stream, its data as text (base64-decoded); the reply names the records that failed. */
  public static final EventSource<String> KINESIS = new EventSource<>("KINESIS", "Kinesis records",
      r -> text(map(r.get("kinesis")).get("sequenceNumber")),
      r -> new String(Base64.getDecoder().decode(text(map(r.get("kinesis")).get("data"))), StandardCharsets.UTF_8),
      true, true, true, r -> r, null);

  /** {@code item}'s JSON text, as {@link #content} gives it. */
  @SuppressWarnings("unchecked")
  String content(Object item) {
    if (content == null) {
      throw new IllegalStateException(what + " have no JSON content");
    }
    return content.apply((T) item);
  }

  /** {@code item} in its envelope with its content read by {@code read}, as {@link #envelope} gives it. */
  @SuppressWarnings("unchecked")
  Object envelope(Object item, Function<String, Object> read) {
    if (envelope == null) {
      throw new IllegalStateException(what + " have no envelope");
    }
    return envelope.apply((T) item, read);
  }

  static TableChange<String> tableChange(Map<?, ?> record) {
    Map<?, ?> change = map(record.get("dynamodb"));
    Object created = change.get("ApproximateCreationDateTime");
    Object view = change.get("StreamViewType");
    return new TableChange<>(text(record.get("eventName")), AttributeValues.plain(map(change.get("Keys"))),
        image(change.get("OldImage")), image(change.get("NewImage")), text(change.get("SequenceNumber")),
        created instanceof Number n ? Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000)) : null,
        view == null ? "NEW_AND_OLD_IMAGES" : view.toString());
  }

  private static Optional<String> image(Object image) {
    return image instanceof Map<?, ?> m ? Optional.of(AttributeValues.plainJson(m)) : Optional.empty();
  }

  static BusEvent<String> busEvent(Map<?, ?> event) {
    Object time = event.get("time");
    List<String> resources = new ArrayList<>();
    if (event.get("resources") instanceof List<?> l) {
      l.forEach(r -> resources.add(text(r)));
    }
    return new BusEvent<>(text(event.get("id")), text(event.get("source")), text(event.get("detail-type")),
        time == null ? null : Instant.parse(time.toString()), text(event.get("account")), text(event.get("region")),
        resources, event.containsKey("detail") ? JsonWriter.write(Codecs.ANY, event.get("detail")) : "null");
  }

  static S3Record s3Record(Map<?, ?> record) {
    Map<?, ?> s3 = map(record.get("s3"));
    Map<?, ?> object = map(s3.get("object"));
    Object size = object.get("size");
    String key = text(object.get("key"));
    return new S3Record(text(map(s3.get("bucket")).get("name")),
        key == null ? null : URLDecoder.decode(key, StandardCharsets.UTF_8),
        size instanceof Number n ? n.longValue() : 0, text(object.get("eTag")), text(record.get("eventName")));
  }

  static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  static String text(Object o) {
    return o == null ? null : o.toString();
  }
}
