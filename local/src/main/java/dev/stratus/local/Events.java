package dev.stratus.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stratus.runtime.LambdaEvents;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The payloads AWS services send to functions, from what the local services hold: their shapes are
 * {@link LambdaEvents}', the one set {@code TestClient} sends too.
 */
final class Events {
  static final ObjectMapper JSON = new ObjectMapper();

  private Events() {}

  /** An S3 event notification of one change, as S3 delivers it (object keys URL-encoded). */
  static byte[] s3(NotifyingBlobStore.Change change, String configurationId) {
    return bytes(LambdaEvents.s3(change.event(), change.bucket(), change.key(), change.size(), change.eTag(),
        configurationId));
  }

  /** The EventBridge event a schedule sends. */
  static byte[] scheduled(String ruleName) {
    return bytes(LambdaEvents.scheduled(ruleName));
  }

  /** The SQS event of one batch, as Lambda's event source mapping sends it. */
  static byte[] sqs(List<Message> batch, String queueArn) {
    return bytes(LambdaEvents.sqs(queueArn, batch.stream().map(Events::message).toList()));
  }

  private static LambdaEvents.SqsMessage message(Message m) {
    Map<String, LambdaEvents.MessageAttribute> attributes = new LinkedHashMap<>();
    m.messageAttributes().forEach((name, v) -> attributes.put(name, new LambdaEvents.MessageAttribute(v.dataType(),
        v.stringValue(), v.binaryValue() == null ? null : Base64.getEncoder().encodeToString(v.binaryValue()
        .asByteArray()))));
    return new LambdaEvents.SqsMessage(m.messageId(), m.receiptHandle(), m.body(), m.md5OfBody(),
        m.attributesAsStrings(), attributes);
  }

  /** The SNS event of one published message, as SNS sends it to a subscribed function. */
  static byte[] sns(LocalSns.Published p, String subscriptionArn) {
    return bytes(LambdaEvents.sns(subscriptionArn, p.notification()));
  }

  static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] bytes(Object node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
