package dev.stratus.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.stratus.runtime.AttributeValues;
import dev.stratus.runtime.LambdaEvents;
import dev.stratus.template.Resource;
import dev.stratus.template.events.ApiEvent;
import dev.stratus.template.events.DynamoDbStreamEvent;
import dev.stratus.template.events.EventBridgeRuleEvent;
import dev.stratus.template.events.EventPattern;
import dev.stratus.template.events.HttpApiEvent;
import dev.stratus.template.events.KinesisEvent;
import dev.stratus.template.events.OtherEvent;
import dev.stratus.template.events.RouteEvent;
import dev.stratus.template.events.S3Event;
import dev.stratus.template.events.SamEvent;
import dev.stratus.template.events.SamEvents;
import dev.stratus.template.events.ScheduleEvent;
import dev.stratus.template.events.SnsEvent;
import dev.stratus.template.events.SqsEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The event a function's first trigger would send, from the template: what {@code invoke} sends without
 * {@code --event}. A typed method's body, message or input is the sample of its parameter's type that the
 * processor wrote ({@link TypedSamples}), so that the call binds; otherwise a generic one.
 */
final class SampleEvents {
  private static final String SAMPLE_MESSAGE = "sample message";

  private SampleEvents() {}

  /** A REST (or, {@code v2}, HTTP API) request to {@code path}, its variables {@code sample}, with {@code body}. */
  private static byte[] request(String method, String path, String routeKey, boolean v2, String body) {
    String concrete = path.replaceAll("\\{[^}]+}", "sample");
    ObjectNode event = Events.JSON.createObjectNode();
    if (v2) {
      event.put("version", "2.0").put("routeKey", routeKey).put("rawPath", concrete).put("rawQueryString", "");
      event.putObject("requestContext").put("accountId", LocalStack.ACCOUNT).put("stage", "$default")
          .putObject("http").put("method", method).put("path", concrete).put("sourceIp", "127.0.0.1");
    } else {
      event.put("resource", path).put("path", concrete).put("httpMethod", method);
      event.putObject("requestContext").put("accountId", LocalStack.ACCOUNT).put("httpMethod", method)
          .put("resourcePath", path).put("stage", "Prod");
    }
    event.putObject("headers").put("Content-Type", "application/json");
    ObjectNode parameters = event.putObject("pathParameters");
    Matcher m = Pattern.compile("\\{([^}+]+)\\+?}").matcher(path);
    while (m.find()) {
      parameters.put(m.group(1), "sample");
    }
    if (body == null) {
      event.putNull("body");
    } else {
      event.put("body", body);
    }
    event.put("isBase64Encoded", false);
    return Events.bytes(event);
  }

  static byte[] of(LocalStack stack, String function) {
    Resource r = stack.resources.get(function);
    if (r == null || !r.type().equals(Resource.SERVERLESS_FUNCTION)) {
      throw new LocalException("no function " + function + "; functions: "
          + String.join(", ", new java.util.TreeSet<>(stack.ofType(Resource.SERVERLESS_FUNCTION).keySet())));
    }
    Map<String, SamEvent> events = SamEvents.of(r);
    String typed = TypedSamples.of(stack, r);
    if (events.isEmpty()) {
      // A URL's request is an HTTP API's, on its $default route.
      return r.properties().get("FunctionUrlConfig") != null ? request("POST", "/", "$default", true, typed)
          : "{}".getBytes(StandardCharsets.UTF_8);
    }
    Map.Entry<String, SamEvent> first = events.entrySet().iterator().next();
    return first.getValue().accept(new SamEvent.Visitor<byte[]>() {
      public byte[] api(ApiEvent e) {
        return route(e, false);
      }

      public byte[] httpApi(HttpApiEvent e) {
        return route(e, true);
      }

      private byte[] route(RouteEvent e, boolean v2) {
        String method = String.valueOf(stack.evaluate(e.method())).toUpperCase(Locale.ROOT);
        String path = String.valueOf(stack.evaluate(e.path()));
        return request(method, path, method + " " + path, v2, typed);
      }

      public byte[] s3(S3Event e) {
        String bucket = String.valueOf(stack.evaluate(e.bucket()));
        return Events.s3(new NotifyingBlobStore.Change("ObjectCreated:Put", bucket, "sample.txt", 11, "\"sample\""),
            first.getKey());
      }

      public byte[] schedule(ScheduleEvent e) {
        String input = e.input() != null ? String.valueOf(stack.evaluate(e.input())) : typed;
        return input != null ? input.getBytes(StandardCharsets.UTF_8)
            : Events.scheduled(stack.stackName + "-" + function + first.getKey());
      }

      public byte[] sqs(SqsEvent e) {
        return Events.bytes(LambdaEvents.sqs(String.valueOf(stack.evaluate(e.queue())),
            List.of(LambdaEvents.SqsMessage.of(typed != null ? typed : SAMPLE_MESSAGE))));
      }

      public byte[] sns(SnsEvent e) {
        String topic = String.valueOf(stack.evaluate(e.topic()));
        return Events.bytes(LambdaEvents.sns(topic + ":" + function + first.getKey(), new LambdaEvents.SnsMessage(topic,
            UUID.randomUUID().toString(), null, typed != null ? typed : SAMPLE_MESSAGE, Map.of())));
      }

      /** An event the rule's pattern would let through when it names one source and detail type. */
      public byte[] eventBridge(EventBridgeRuleEvent e) {
        Object pattern = e.pattern() == null ? null : EventPattern.plain(e.pattern());
        Map<?, ?> p = pattern instanceof Map<?, ?> m ? m : Map.of();
        return Events.bytes(LambdaEvents.eventBridge(UUID.randomUUID().toString(), first(p, "source", "sample.source"),
            first(p, "detail-type", "Sample"), typed != null ? typed : "{}", List.of(), java.time.Instant.now()));
      }

      /** An insert of the method's sample item (or a one-attribute item) into the table, with its key. */
      public byte[] dynamoDb(DynamoDbStreamEvent e) {
        Map<String, Object> item = AttributeValues.of(typed != null ? typed : "{\"id\":\"sample\"}");
        Map<String, Object> keys = new LinkedHashMap<>(item);
        List<String> names = e.resource() == null ? List.of() : stack.keyNames(e.resource());
        if (!names.isEmpty()) {
          keys.keySet().retainAll(names);
        }
        String stream = String.valueOf(stack.evaluate(e.stream()));
        return Events.bytes(LambdaEvents.dynamoDb(stream, "NEW_AND_OLD_IMAGES", List.of(new LambdaEvents.StreamRecord(
            "INSERT", keys, null, item, "100000000000000000001", Instant.now()))));
      }

      /** One record whose data is the method's sample (or a small JSON object), on the stream's first shard. */
      public byte[] kinesis(KinesisEvent e) {
        String data = typed != null ? typed : "{\"id\":\"sample\"}";
        return Events.bytes(LambdaEvents.kinesis(String.valueOf(stack.evaluate(e.stream())), List.of(
            new LambdaEvents.KinesisRecord("sample", data.getBytes(StandardCharsets.UTF_8),
                "49590338271490256608559692538361571095921575989136588898", "shardId-000000000000",
                Instant.now()))));
      }

      private String first(Map<?, ?> pattern, String field, String otherwise) {
        return pattern.get(field) instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof String s ? s : otherwise;
      }

      public byte[] other(OtherEvent e) {
        return "{}".getBytes(StandardCharsets.UTF_8);
      }
    });
  }
}
