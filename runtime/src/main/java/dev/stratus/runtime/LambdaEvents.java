package dev.stratus.runtime;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The events AWS services send to functions, in their real shapes: the one set that the local runtime
 * delivers, {@code generate-event} prints, {@link TestClient} sends and the tests read.
 */
public final class LambdaEvents {
  /** Where sample events say they come from: the local runtime's account and region. */
  public static final String REGION = "us-east-1";
  public static final String ACCOUNT = "000000000000";

  private LambdaEvents() {}

  /** One SQS message as the event source mapping hands it over; {@code attributes} are SQS's own. */
  public record SqsMessage(String messageId, String receiptHandle, String body, String md5OfBody,
      Map<String, String> attributes, Map<String, MessageAttribute> messageAttributes) {
    /** A message as it arrives the first time, with a fresh id. */
    public static SqsMessage of(String body) {
      String id = UUID.randomUUID().toString();
      return new SqsMessage(id, id, body, "", Map.of("ApproximateReceiveCount", "1",
          "SentTimestamp", Long.toString(System.currentTimeMillis())), Map.of());
    }
  }

  /** A message attribute: its data type ({@code String}, {@code Number}, {@code Binary}), text or base64 bytes. */
  public record MessageAttribute(String dataType, String stringValue, String binaryValue) {}

  /** One SNS notification: what a function's event carries as {@code Sns} and a queue receives as its body. */
  public record SnsMessage(String topicArn, String messageId, String subject, String message,
      Map<String, MessageAttribute> attributes) {}

  /** The SQS event of one batch from the queue {@code queueArn}. */
  public static String sqs(String queueArn, List<SqsMessage> batch) {
    JsonWriter w = new JsonWriter().beginObject().name("Records").beginArray();
    for (SqsMessage m : batch) {
      w.beginObject().name("messageId").string(m.messageId()).name("receiptHandle").string(m.receiptHandle())
          .name("body").string(m.body()).name("attributes").beginObject();
      m.attributes().forEach((k, v) -> w.name(k).string(v));
      w.endObject().name("messageAttributes").beginObject();
      m.messageAttributes().forEach((name, a) -> {
        w.name(name).beginObject().name("stringValue").string(a.stringValue());
        if (a.binaryValue() != null) {
          w.name("binaryValue").string(a.binaryValue());
        }
        w.name("stringListValues").beginArray().endArray().name("binaryListValues").beginArray().endArray()
            .name("dataType").string(a.dataType()).endObject();
      });
      w.endObject().name("md5OfBody").string(m.md5OfBody()).name("eventSource").string("aws:sqs")
          .name("eventSourceARN").string(queueArn).name("awsRegion").string(region(queueArn)).endObject();
    }
    return w.endArray().endObject().toString();
  }

  /** The notification as SNS writes it: the {@code Sns} of a function's event, the body of a queue's message. */
  public static String snsEnvelope(SnsMessage m) {
    JsonWriter w = new JsonWriter();
    envelope(w, m);
    return w.toString();
  }

  /** The SNS event of one message, as SNS sends it to the subscription {@code subscriptionArn}. */
  public static String sns(String subscriptionArn, SnsMessage m) {
    JsonWriter w = new JsonWriter().beginObject().name("Records").beginArray().beginObject()
        .name("EventSource").string("aws:sns").name("EventVersion").string("1.0")
        .name("EventSubscriptionArn").string(subscriptionArn).name("Sns");
    envelope(w, m);
    return w.endObject().endArray().endObject().toString();
  }

  private static void envelope(JsonWriter w, SnsMessage m) {
    w.beginObject().name("Type").string("Notification").name("MessageId").string(m.messageId())
        .name("TopicArn").string(m.topicArn());
    if (m.subject() != null) {
      w.name("Subject").string(m.subject());
    }
    w.name("Message").string(m.message()).name("Timestamp").string(Instant.now().toString())
        .name("SignatureVersion").string("1").name("Signature").string("local").name("SigningCertUrl").string("")
        .name("UnsubscribeUrl").string("").name("MessageAttributes").beginObject();
    m.attributes().forEach((k, a) -> w.name(k).beginObject().name("Type").string(a.dataType()).name("Value")
        .string(a.stringValue() != null ? a.stringValue() : a.binaryValue()).endObject());
    w.endObject().endObject();
  }

  /**
   * An S3 notification of one change ({@code eventName} as {@code ObjectCreated:Put}), the key URL-encoded as
   * S3 does; size and ETag only for a created object. {@code configurationId} names the notification.
   */
  public static String s3(String eventName, String bucket, String key, long size, String eTag,
      String configurationId) {
    JsonWriter w = new JsonWriter().beginObject().name("Records").beginArray().beginObject()
        .name("eventVersion").string("2.1").name("eventSource").string("aws:s3").name("awsRegion").string(REGION)
        .name("eventTime").string(Instant.now().toString()).name("eventName").string(eventName)
        .name("userIdentity").beginObject().name("principalId").string("LOCAL").endObject()
        .name("requestParameters").beginObject().name("sourceIPAddress").string("127.0.0.1").endObject()
        .name("responseElements").beginObject().name("x-amz-request-id")
        .string(UUID.randomUUID().toString().substring(0, 16)).name("x-amz-id-2").string("local").endObject()
        .name("s3").beginObject().name("s3SchemaVersion").string("1.0").name("configurationId").string(configurationId)
        .name("bucket").beginObject().name("name").string(bucket).name("arn").string("arn:aws:s3:::" + bucket)
        .name("ownerIdentity").beginObject().name("principalId").string("LOCAL").endObject().endObject()
        .name("object").beginObject()
        .name("key").string(URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
        .name("sequencer").string(Long.toHexString(System.nanoTime()).toUpperCase(java.util.Locale.ROOT));
    if (eventName.startsWith("ObjectCreated")) {
      w.name("size").number(size);
      if (eTag != null) {
        w.name("eTag").string(eTag.replace("\"", ""));
      }
    }
    return w.endObject().endObject().endObject().endArray().endObject().toString();
  }

  /** The EventBridge event a schedule's rule {@code ruleName} sends. */
  public static String scheduled(String ruleName) {
    return eventBridge(UUID.randomUUID().toString(), "aws.events", "Scheduled Event", "{}",
        List.of("arn:aws:events:" + REGION + ":" + ACCOUNT + ":rule/" + ruleName), Instant.now());
  }

  /**
   * An EventBridge event as a rule's target receives it; {@code detail} is JSON text (an object). Its time is
   * whole seconds, as EventBridge writes it.
   */
  public static String eventBridge(String id, String source, String detailType, String detail,
      List<String> resources, Instant time) {
    JsonWriter w = new JsonWriter().beginObject().name("version").string("0").name("id").string(id)
        .name("detail-type").string(detailType).name("source").string(source)
        .name("account").string(ACCOUNT).name("time").string(time.truncatedTo(ChronoUnit.SECONDS).toString())
        .name("region").string(REGION).name("resources").beginArray();
    resources.forEach(w::string);
    return w.endArray().member("detail", Codecs.ANY, JsonReader.read(detail, Codecs.ANY)).endObject().toString();
  }

  /**
   * One change of an item as a DynamoDB stream records it: keys and images in DynamoDB's JSON of attribute
   * values ({@code {"id": {"S": "a"}}}), an image null where the change has none (no old image of an insert).
   */
  public record StreamRecord(String eventName, Map<String, Object> keys, Map<String, Object> oldImage,
      Map<String, Object> newImage, String sequenceNumber, Instant created) {}

  /**
   * The DynamoDB event of a batch from the stream {@code streamArn}, each record with the images its stream's
   * {@code viewType} carries.
   */
  public static String dynamoDb(String streamArn, String viewType, List<StreamRecord> records) {
    boolean oldImages = TableChange.carriesOldImages(viewType);
    boolean newImages = TableChange.carriesNewImages(viewType);
    JsonWriter w = new JsonWriter().beginObject().name("Records").beginArray();
    for (StreamRecord r : records) {
      // Each written once: SizeBytes counts what the record carries.
      String keys = JsonWriter.write(Codecs.ANY, r.keys());
      String oldImage = oldImages && r.oldImage() != null ? JsonWriter.write(Codecs.ANY, r.oldImage()) : null;
      String newImage = newImages && r.newImage() != null ? JsonWriter.write(Codecs.ANY, r.newImage()) : null;
      w.beginObject().name("eventID").string(UUID.randomUUID().toString().replace("-", ""))
          .name("eventName").string(r.eventName()).name("eventVersion").string("1.1")
          .name("eventSource").string("aws:dynamodb").name("awsRegion").string(region(streamArn))
          .name("dynamodb").beginObject().name("ApproximateCreationDateTime").number(r.created().getEpochSecond())
          .name("Keys").raw(keys);
      if (newImage != null) {
        w.name("NewImage").raw(newImage);
      }
      if (oldImage != null) {
        w.name("OldImage").raw(oldImage);
      }
      long size = keys.length() + (newImage == null ? 0 : newImage.length()) + (oldImage == null ? 0 : oldImage.length());
      w.name("SequenceNumber").string(r.sequenceNumber()).name("SizeBytes").number(size)
          .name("StreamViewType").string(viewType).endObject().name("eventSourceARN").string(streamArn).endObject();
    }
    return w.endArray().endObject().toString();
  }

  /** One Kinesis record: its partition key, its data, and where and when the shard took it. */
  public record KinesisRecord(String partitionKey, byte[] data, String sequenceNumber, String shardId,
      Instant arrived) {}

  /** The Kinesis event of a batch from one shard of the stream {@code streamArn}. */
  public static String kinesis(String streamArn, List<KinesisRecord> records) {
    JsonWriter w = new JsonWriter().beginObject().name("Records").beginArray();
    for (KinesisRecord r : records) {
      w.beginObject().name("kinesis").beginObject().name("kinesisSchemaVersion").string("1.0")
          .name("partitionKey").string(r.partitionKey()).name("sequenceNumber").string(r.sequenceNumber())
          .name("data").string(Base64.getEncoder().encodeToString(r.data()))
          .name("approximateArrivalTimestamp")
          .raw(BigDecimal.valueOf(r.arrived().toEpochMilli()).movePointLeft(3).toPlainString())
          .endObject().name("eventSource").string("aws:kinesis").name("eventVersion").string("1.0")
          .name("eventID").string(r.shardId() + ":" + r.sequenceNumber()).name("eventName").string("aws:kinesis:record")
          .name("invokeIdentityArn").string("arn:aws:iam::" + ACCOUNT + ":role/lambda-role")
          .name("awsRegion").string(region(streamArn)).name("eventSourceARN").string(streamArn).endObject();
    }
    return w.endArray().endObject().toString();
  }

  /** The region of an ARN ({@code arn:aws:sqs:REGION:…}), or {@link #REGION}. */
  private static String region(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 5);
    return parts.length > 3 && !parts[3].isEmpty() ? parts[3] : REGION;
  }
}
