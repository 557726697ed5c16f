package dev.stratus.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stratus.runtime.LambdaEvents;
import dev.stratus.template.Resource;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * SNS for the stack: no kept SNS server is on Maven Central or npm, so this is SNS's {@code Publish} action
 * (the AWS query protocol the SDKs speak) on loopback, fanning each message out to the template's
 * subscriptions — functions ({@code Type: SNS} events, {@code lambda} subscriptions) and queues ({@code sqs}
 * subscriptions, raw or in SNS's envelope) — through their filter policies. Other actions answer an error.
 */
final class LocalSns implements AutoCloseable {
  /** One published message: what subscribers receive. */
  record Published(String topicArn, String messageId, String message, String subject,
      Map<String, FilterPolicy.Attribute> attributes) {
    /** The notification as SNS's events and envelopes carry it. */
    LambdaEvents.SnsMessage notification() {
      Map<String, LambdaEvents.MessageAttribute> a = new LinkedHashMap<>();
      attributes.forEach((k, v) -> a.put(k, new LambdaEvents.MessageAttribute(v.dataType(), v.value(), null)));
      return new LambdaEvents.SnsMessage(topicArn, messageId, subject, message, a);
    }
  }

  /** Where a topic's messages go: a function (by logical id) or a queue (by URL). */
  record Subscription(String topicArn, String function, String queueUrl, FilterPolicy filter, boolean raw,
      String arn) {}

  final URI endpoint;
  private final HttpServer server;
  private final Set<String> topics;
  private final List<Subscription> subscriptions;
  private final SqsClient sqs;
  private final BiConsumer<String, byte[]> invoke;
  private final PrintStream log;

  private LocalSns(Set<String> topics, List<Subscription> subscriptions, SqsClient sqs,
      BiConsumer<String, byte[]> invoke, PrintStream log) {
    this.topics = topics;
    this.subscriptions = subscriptions;
    this.sqs = sqs;
    this.invoke = invoke;
    this.log = log;
    this.server = Loopback.serve("sns", this::handle);
    this.endpoint = Loopback.uri(server);
  }

  /**
   * Serves the template's topics. {@code functionSubscriptions} come from the functions' SNS events;
   * {@code invoke} calls a function asynchronously, as SNS does.
   */
  static LocalSns start(LocalStack stack, List<Subscription> functionSubscriptions, SqsClient sqs,
      BiConsumer<String, byte[]> invoke, PrintStream log) {
    Set<String> topics = new LinkedHashSet<>();
    stack.ofType("AWS::SNS::Topic").keySet().forEach(id -> topics.add(String.valueOf(stack.getAtt(id, "Arn"))));
    List<Subscription> all = new ArrayList<>(functionSubscriptions);
    stack.ofType("AWS::SNS::Topic").forEach((id, t) -> {
      if (t.properties().get("Subscription") != null && stack.evaluate(t.properties().get("Subscription")) instanceof List<?> l) {
        for (Object s : l) {
          Map<?, ?> m = (Map<?, ?>) s;
          subscription(stack, String.valueOf(stack.getAtt(id, "Arn")), m.get("Protocol"), m.get("Endpoint"), null,
              null, false, id).ifPresent(all::add);
        }
      }
    });
    stack.ofType("AWS::SNS::Subscription").forEach((id, s) -> {
      Map<?, ?> p = (Map<?, ?>) stack.evaluate(s.properties());
      subscription(stack, String.valueOf(p.get("TopicArn")), p.get("Protocol"), p.get("Endpoint"), p.get("FilterPolicy"),
          p.get("FilterPolicyScope"), Boolean.parseBoolean(String.valueOf(p.get("RawMessageDelivery"))), id)
          .ifPresent(all::add);
    });
    return new LocalSns(topics, all, sqs, invoke, log);
  }

  private static Optional<Subscription> subscription(LocalStack stack, String topicArn, Object protocol,
      Object endpoint, Object filter, Object scope, boolean raw, String id) {
    String target = String.valueOf(endpoint);
    String name = target.substring(target.lastIndexOf(':') + 1);
    FilterPolicy policy = filter == null ? null : FilterPolicy.of(filter, scope);
    String arn = topicArn + ":" + id;
    if ("sqs".equals(protocol) && stack.sqsEndpoint != null) {
      return Optional.of(new Subscription(topicArn, null, stack.queueUrl(name), policy, raw, arn));
    }
    if ("lambda".equals(protocol)) {
      String function = stack.ofType(Resource.SERVERLESS_FUNCTION).keySet().stream()
          .filter(f -> stack.physicalName(f).equals(name)).findFirst().orElse(name);
      return Optional.of(new Subscription(topicArn, function, null, policy, raw, arn));
    }
    stack.notices.add("SNS subscription " + id + " (" + protocol + ") is not delivered locally; sqs (to a queue of"
        + " the template) and lambda are");
    return Optional.empty();
  }

  private void handle(HttpExchange exchange) throws IOException {
    // The catch is inside: try-with-resources closes the exchange before its own catch could answer.
    try (exchange) {
      try {
        Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String action = form.getOrDefault("Action", "");
        if (!action.equals("Publish")) {
          Replies.queryError(exchange, 400, "NotRunLocally", "SNS action '" + action + "' is not run locally; Publish is, to the"
              + " template's topics");
          return;
        }
        String topic = form.getOrDefault("TopicArn", form.get("TargetArn"));
        if (!topics.contains(topic)) {
          Replies.queryError(exchange, 404, "NotFound", "Topic does not exist: " + topic + "; the template's topics: "
              + String.join(", ", topics));
          return;
        }
        Published p = new Published(topic, UUID.randomUUID().toString(), form.getOrDefault("Message", ""),
            form.get("Subject"), attributes(form));
        fanOut(p);
        Replies.send(exchange, 200, ("<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
            + "<MessageId>" + p.messageId() + "</MessageId></PublishResult><ResponseMetadata><RequestId>"
            + UUID.randomUUID() + "</RequestId></ResponseMetadata></PublishResponse>").getBytes(StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        log.println("stratus-local: SNS: " + e);
        Replies.queryError(exchange, 500, "InternalError", String.valueOf(e.getMessage()));
      }
    }
  }

  private void fanOut(Published p) {
    for (Subscription s : subscriptions) {
      if (!s.topicArn().equals(p.topicArn()) || s.filter() != null && !s.filter().matches(p.message(), p.attributes())) {
        continue;
      }
      if (s.function() != null) {
        invoke.accept(s.function(), Events.sns(p, s.arn()));
      } else if (s.raw()) {
        Map<String, MessageAttributeValue> a = new LinkedHashMap<>();
        p.attributes().forEach((k, v) -> a.put(k, MessageAttributeValue.builder().dataType(v.dataType())
            .stringValue(v.value()).build()));
        sqs.sendMessage(b -> b.queueUrl(s.queueUrl()).messageBody(p.message()).messageAttributes(a));
      } else {
        sqs.sendMessage(b -> b.queueUrl(s.queueUrl()).messageBody(LambdaEvents.snsEnvelope(p.notification())));
      }
    }
  }

  /** {@code MessageAttributes.entry.N.Name} and {@code .Value.DataType/StringValue}, as the query protocol sends them. */
  private static Map<String, FilterPolicy.Attribute> attributes(Map<String, String> form) {
    Map<String, FilterPolicy.Attribute> out = new LinkedHashMap<>();
    for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
      String at = "MessageAttributes.entry." + n + ".";
      out.put(form.get(at + "Name"), new FilterPolicy.Attribute(form.getOrDefault(at + "Value.DataType", "String"),
          form.getOrDefault(at + "Value.StringValue", form.getOrDefault(at + "Value.BinaryValue", ""))));
    }
    return out;
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
