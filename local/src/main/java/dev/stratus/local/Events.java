package dev.stratus.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import software.amazon.awssdk.services.sqs.model.Message;

/** The payloads AWS services send to functions, in their real shapes. */
final class Events {
  static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /** An S3 event notification of one change, as S3 delivers it (object keys URL-encoded). */
  static byte[] s3(NotifyingBlobStore.Change change, String configurationId) {
    ObjectNode record = JSON.createObjectNode()
        .put("eventVersion", "2.1")
        .put("eventSource", "aws:s3")
        .put("awsRegion", LocalStack.REGION)
        .put("eventTime", Instant.now().toString())
        .put("eventName", change.event());
    record.putObject("userIdentity").put("principalId", "LOCAL");
    record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
    record.putObject("responseElements").put("x-amz-request-id", UUID.randomUUID().toString().substring(0, 16))
        .put("x-amz-id-2", "local");
    ObjectNode s3 = record.putObject("s3").put("s3SchemaVersion", "1.0").put("configurationId", configurationId);
    s3.putObject("bucket").put("name", change.bucket()).put("arn", "arn:aws:s3:::" + change.bucket())
        .putObject("ownerIdentity").put("principalId", "LOCAL");
    ObjectNode object = s3.putObject("object")
        .put("key", URLEncoder.encode(change.key(), StandardCharsets.UTF_8).replace("%2F", "/"))
        .put("sequencer", Long.toHexString(System.nanoTime()).toUpperCase(java.util.Locale.ROOT));
    if (change.event().startsWith("ObjectCreated")) {
      object.put("size", change.size());
      if (change.eTag() != null) {
        object.put("eTag", change.eTag().replace("\"", ""));
      }
    }
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    records.add(record);
    return bytes(event);
  }

  /** The EventBridge event a schedule sends. */
  static byte[] scheduled(String ruleName) {
    ObjectNode event = JSON.createObjectNode()
        .put("version", "0")
        .put("id", UUID.randomUUID().toString())
        .put("detail-type", "Scheduled Event")
        .put("source", "aws.events")
        .put("account", LocalStack.ACCOUNT)
        .put("time", Instant.now().toString().replaceFirst("\\.\\d+Z$", "Z"))
        .put("region", LocalStack.REGION);
    event.putArray("resources").add("arn:aws:events:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT + ":rule/"
        + ruleName);
    event.putObject("detail");
    return bytes(event);
  }

  /** The SQS event of one batch, as Lambda's event source mapping sends it. */
  static byte[] sqs(List<Message> batch, String queueArn) {
    ObjectNode event = JSON.createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (Message m : batch) {
      ObjectNode r = records.addObject()
          .put("messageId", m.messageId())
          .put("receiptHandle", m.receiptHandle())
          .put("body", m.body());
      ObjectNode attributes = r.putObject("attributes");
      m.attributesAsStrings().forEach(attributes::put);
      ObjectNode messageAttributes = r.putObject("messageAttributes");
      m.messageAttributes().forEach((name, v) -> {
        ObjectNode a = messageAttributes.putObject(name).put("stringValue", v.stringValue());
        if (v.binaryValue() != null) {
          a.put("binaryValue", Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
        }
        a.putArray("stringListValues");
        a.putArray("binaryListValues");
        a.put("dataType", v.dataType());
      });
      r.put("md5OfBody", m.md5OfBody())
          .put("eventSource", "aws:sqs")
          .put("eventSourceARN", queueArn)
          .put("awsRegion", LocalStack.REGION);
    }
    return bytes(event);
  }

  /** The SNS event of one published message, as SNS sends it to a subscribed function. */
  static byte[] sns(LocalSns.Published p, String subscriptionArn) {
    ObjectNode event = JSON.createObjectNode();
    ObjectNode record = event.putArray("Records").addObject()
        .put("EventSource", "aws:sns")
        .put("EventVersion", "1.0")
        .put("EventSubscriptionArn", subscriptionArn);
    record.set("Sns", p.envelope());
    return bytes(event);
  }

  static byte[] bytes(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
