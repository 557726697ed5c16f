package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a request to S3, DynamoDB, SQS, SNS, EventBridge or Kinesis asks for, in IAM's words: the action
 * ({@code s3:GetObject}, {@code dynamodb:PutItem}) and the ARN of each resource it names, the local stack's ARNs,
 * or null where the request names none that this reads. Pure: the request's parts in, the calls out.
 */
record AwsCall(String action, String arn) {
  /** The calls of one request to {@code service} ({@code s3}, {@code dynamodb}, {@code sqs}, {@code sns}). */
  static List<AwsCall> of(String service, String method, String target, Map<String, String> headers, byte[] body) {
    return switch (service) {
      case "s3" -> s3(method, target, headers);
      case "dynamodb" -> dynamo(headers, body);
      case "sqs", "sns" -> message(service, headers, body);
      case "eventbridge" -> events(headers, body);
      case "kinesis" -> kinesis(headers, body);
      default -> List.of();
    };
  }

  /**
   * S3 by method and path (path style, or the bucket in the host): {@code GET /b/k} reads an object, {@code GET
   * /b} lists the bucket, and so on, as IAM maps S3's operations to actions.
   */
  private static List<AwsCall> s3(String method, String target, Map<String, String> headers) {
    int q = target.indexOf('?');
    String path = decode(q < 0 ? target : target.substring(0, q));
    Map<String, String> query = form(q < 0 ? "" : target.substring(q + 1));
    String host = headers.getOrDefault("host", "");
    String bucket;
    String key;
    if (!host.startsWith("127.") && !host.startsWith("localhost") && host.indexOf('.') > 0) {
      bucket = host.substring(0, host.indexOf('.'));
      key = path.length() > 1 ? path.substring(1) : "";
    } else {
      String rest = path.startsWith("/") ? path.substring(1) : path;
      int slash = rest.indexOf('/');
      bucket = slash < 0 ? rest : rest.substring(0, slash);
      key = slash < 0 ? "" : rest.substring(slash + 1);
    }
    if (bucket.isEmpty()) {
      return List.of(new AwsCall("s3:ListAllMyBuckets", null));
    }
    String arn = "arn:aws:s3:::" + bucket + (key.isEmpty() ? "" : "/" + key);
    String action;
    if (key.isEmpty()) {
      action = switch (method) {
        case "GET", "HEAD" -> query.containsKey("uploads") ? "s3:ListBucketMultipartUploads"
            : query.containsKey("versions") ? "s3:ListBucketVersions" : "s3:ListBucket";
        case "POST" -> query.containsKey("delete") ? "s3:DeleteObject" : "s3:PutObject";
        case "PUT" -> "s3:CreateBucket";
        case "DELETE" -> "s3:DeleteBucket";
        default -> "s3:ListBucket";
      };
      // A multi-object delete names its keys in the body; the bucket's objects stand for them.
      return List.of(new AwsCall(action, action.equals("s3:DeleteObject") ? arn + "/*" : arn));
    }
    String version = query.containsKey("versionId") ? "Version" : "";
    action = switch (method) {
      case "GET", "HEAD" -> query.containsKey("uploadId") ? "s3:ListMultipartUploadParts"
          : query.containsKey("tagging") ? "s3:GetObject" + version + "Tagging"
          : query.containsKey("acl") ? "s3:GetObject" + version + "Acl" : "s3:GetObject" + version;
      case "DELETE" -> query.containsKey("uploadId") ? "s3:AbortMultipartUpload"
          : query.containsKey("tagging") ? "s3:DeleteObject" + version + "Tagging" : "s3:DeleteObject" + version;
      default -> query.containsKey("tagging") ? "s3:PutObject" + version + "Tagging"
          : query.containsKey("acl") ? "s3:PutObject" + version + "Acl"
          : query.containsKey("restore") ? "s3:RestoreObject" : "s3:PutObject"; // PUT, parts, POST ?uploads
    };
    String source = headers.get("x-amz-copy-source");
    if (source == null) {
      return List.of(new AwsCall(action, arn));
    }
    // A copy (or a part copied) reads its source as well.
    String from = decode(source.startsWith("/") ? source.substring(1) : source);
    int at = from.indexOf("?versionId=");
    return List.of(new AwsCall(action, arn), new AwsCall(at < 0 ? "s3:GetObject" : "s3:GetObjectVersion",
        "arn:aws:s3:::" + (at < 0 ? from : from.substring(0, at))));
  }

  /** DynamoDB's JSON protocol: the operation in X-Amz-Target, the tables in the body. */
  private static List<AwsCall> dynamo(Map<String, String> headers, byte[] body) {
    String operation = operation(headers);
    if (operation == null) {
      return List.of();
    }
    String action = "dynamodb:" + operation;
    JsonNode json = json(body);
    List<AwsCall> out = new ArrayList<>();
    if (json.hasNonNull("TableName")) {
      // A query or scan of an index acts on the index.
      out.add(new AwsCall(action, table(json.get("TableName").asText())
          + (json.hasNonNull("IndexName") ? "/index/" + json.get("IndexName").asText() : "")));
    }
    if (operation.equals("ExecuteStatement") || operation.equals("BatchExecuteStatement")) {
      return partiQl(json);
    }
    json.path("RequestItems").fieldNames().forEachRemaining(t -> out.add(new AwsCall(action, table(t))));
    for (JsonNode item : json.path("TransactItems")) {
      item.fields().forEachRemaining(e -> {
        String kind = e.getKey().equals("ConditionCheck") ? "ConditionCheckItem" : e.getKey().endsWith("Item")
            ? e.getKey() : e.getKey() + "Item";
        out.add(new AwsCall("dynamodb:" + kind, table(e.getValue().path("TableName").asText())));
      });
    }
    return out.isEmpty() ? List.of(new AwsCall(action, null)) : out;
  }

  /**
   * PartiQL: IAM's action by the statement's verb ({@code SELECT} → {@code dynamodb:PartiQLSelect}), on the
   * table it names after FROM, INTO or UPDATE.
   */
  private static List<AwsCall> partiQl(JsonNode json) {
    List<JsonNode> statements = new ArrayList<>();
    if (json.has("Statement")) {
      statements.add(json);
    }
    json.path("Statements").forEach(statements::add);
    List<AwsCall> out = new ArrayList<>();
    for (JsonNode s : statements) {
      String text = s.path("Statement").asText("").strip();
      String verb = text.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)\\b(?:FROM|INTO|UPDATE)\\s+\"([^\"]+)\"")
          .matcher(text);
      String name = verb.isEmpty() ? "" : verb.charAt(0) + verb.substring(1).toLowerCase(Locale.ROOT);
      out.add(new AwsCall("dynamodb:PartiQL" + name, m.find() ? table(m.group(1)) : null));
    }
    return out;
  }

  private static String table(String name) {
    return "arn:aws:dynamodb:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT + ":table/" + name;
  }

  /**
   * SQS (JSON protocol, or the query protocol of older clients) and SNS (query protocol): the operation and
   * the queue's URL or the topic's ARN.
   */
  private static List<AwsCall> message(String service, Map<String, String> headers, byte[] body) {
    String operation = operation(headers);
    String queueUrl;
    String topicArn;
    if (operation != null) {
      JsonNode json = json(body);
      queueUrl = json.path("QueueUrl").asText(null);
      topicArn = json.path("TopicArn").asText(null);
    } else {
      Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
      operation = form.get("Action");
      queueUrl = form.get("QueueUrl");
      topicArn = form.get("TopicArn");
    }
    if (operation == null) {
      return List.of();
    }
    // IAM has no batch actions for these: SendMessageBatch is judged as SendMessage, PublishBatch as Publish.
    operation = operation.endsWith("Batch") ? operation.substring(0, operation.length() - "Batch".length()) : operation;
    String arn = null;
    if (service.equals("sqs") && queueUrl != null) {
      arn = "arn:aws:sqs:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT + ":"
          + queueUrl.substring(queueUrl.lastIndexOf('/') + 1);
    } else if (service.equals("sns")) {
      arn = topicArn;
    }
    return List.of(new AwsCall(service + ":" + operation, arn));
  }

  /** EventBridge's JSON protocol: PutEvents acts on the bus of each entry (the default bus when it names none). */
  private static List<AwsCall> events(Map<String, String> headers, byte[] body) {
    String operation = operation(headers);
    if (operation == null) {
      return List.of();
    }
    JsonNode json = json(body);
    List<AwsCall> out = new ArrayList<>();
    for (JsonNode entry : json.path("Entries")) {
      String bus = LocalEventBridge.busName(entry.path("EventBusName").asText(""));
      AwsCall call = new AwsCall("events:" + operation, LocalStack.eventBusArn(bus));
      if (!out.contains(call)) {
        out.add(call);
      }
    }
    return out.isEmpty() ? List.of(new AwsCall("events:" + operation, null)) : out;
  }

  /**
   * Kinesis's JSON protocol: the stream by {@code StreamARN} or {@code StreamName}, or the one a shard iterator
   * was taken from ({@code GetRecords} names no stream: its iterator carries it, opaquely, so none is judged).
   */
  private static List<AwsCall> kinesis(Map<String, String> headers, byte[] body) {
    String operation = operation(headers);
    if (operation == null) {
      return List.of();
    }
    JsonNode json = json(body);
    String arn = json.path("StreamARN").asText("");
    if (arn.isEmpty() && json.hasNonNull("StreamName")) {
      arn = LocalStack.kinesisStreamArn(json.get("StreamName").asText());
    }
    return List.of(new AwsCall("kinesis:" + operation, arn.isEmpty() ? null : arn));
  }

  /** {@code DynamoDB_20120810.PutItem} → {@code PutItem}. */
  private static String operation(Map<String, String> headers) {
    String target = headers.get("x-amz-target");
    return target == null ? null : target.substring(target.indexOf('.') + 1);
  }

  private static JsonNode json(byte[] body) {
    try {
      JsonNode node = body.length == 0 ? null : Events.JSON.readTree(body);
      return node == null ? Events.JSON.createObjectNode() : node;
    } catch (IOException e) {
      return Events.JSON.createObjectNode();
    }
  }

  private static Map<String, String> form(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  /** A path's percent-escapes decoded; a {@code +} in a path is a plus. */
  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
