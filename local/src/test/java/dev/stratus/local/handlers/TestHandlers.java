package dev.stratus.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Functions the local runtime's tests deploy: one that echoes, one that throws, one that sleeps (or tells its
 * JVM), one that
 * reports where its credentials come from.
 */
public final class TestHandlers {
  private TestHandlers() {}

  /** A proxy response of status 200 with {@code body} as its body, and a Content-Type if given. */
  private static byte[] ok(String body, String contentType) {
    String escaped = body.replace("\\", "\\\\").replace("\"", "\\\"");
    String headers = contentType == null ? "" : "\"headers\": {\"Content-Type\": \"" + contentType + "\"}, ";
    return ("{\"statusCode\": 200, " + headers + "\"body\": \"" + escaped + "\"}").getBytes(StandardCharsets.UTF_8);
  }

  /** Answers a proxy response whose body is the event it received. */
  public static class Echo implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      out.write(ok(new String(in.readAllBytes(), StandardCharsets.UTF_8), "application/json"));
    }
  }

  public static class Fail implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {
      throw new IllegalStateException("this function always fails");
    }
  }

  /** Sleeps past any short timeout, unless the query asks {@code quick}: then answers its JVM's process id. */
  public static class Sleep implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"quick\"")) {
        out.write(ok("pid=" + ProcessHandle.current().pid(), null));
        return;
      }
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write("{\"statusCode\": 200, \"body\": \"late\"}".getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Answers {@code keys} (whether AWS_ACCESS_KEY_ID is set), then the container credentials endpoint's answers
   * with the environment's token and without it, as {@code status body|status}.
   */
  public static class Credentials implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      String uri = System.getenv("AWS_CONTAINER_CREDENTIALS_FULL_URI");
      String report = "keys=" + (System.getenv("AWS_ACCESS_KEY_ID") != null) + " uri=" + uri;
      if (uri != null) {
        report += " with=" + fetch(uri, System.getenv("AWS_CONTAINER_AUTHORIZATION_TOKEN")) + " without=" + fetch(uri, "x");
      }
      out.write(ok(report, null));
    }

    private static String fetch(String uri, String token) throws IOException {
      java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net.URI.create(uri).toURL().openConnection();
      c.setRequestProperty("Authorization", token);
      int status = c.getResponseCode();
      InputStream body = status == 200 ? c.getInputStream() : c.getErrorStream();
      return status + " " + new String(body.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static final java.util.regex.Pattern SQS_RECORD = java.util.regex.Pattern.compile(
      "\"messageId\":\"([^\"]+)\",\"receiptHandle\":\"[^\"]*\",\"body\":\"([^\"]*)\",\"attributes\":\\{[^}]*"
      + "\"ApproximateReceiveCount\":\"(\\d+)\"");

  /**
   * An SQS worker: logs each message as {@code got BODY count=N}, one LambdaLogger call each, and reports the
   * messages whose body starts with {@code fail} as failed items.
   */
  public static class SqsWorker implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      java.util.regex.Matcher m = SQS_RECORD.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      StringBuilder failures = new StringBuilder();
      while (m.find()) {
        context.getLogger().log("got " + m.group(2) + " count=" + m.group(3));
        if (m.group(2).startsWith("fail")) {
          failures.append(failures.length() == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(m.group(1))
              .append("\"}");
        }
      }
      out.write(("{\"batchItemFailures\":[" + failures + "]}").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An SNS subscriber: logs {@code notified MESSAGE}. */
  public static class Notifier implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Message\":\"([^\"]*)\"")
          .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      context.getLogger().log("notified " + (m.find() ? m.group(1) : "?"));
    }
  }

  /** A rule's target: logs {@code event DETAIL-TYPE DETAIL} of the EventBridge event it is handed. */
  public static class BusLogger implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      java.util.regex.Matcher type = java.util.regex.Pattern.compile("\"detail-type\":\"([^\"]*)\"").matcher(event);
      java.util.regex.Matcher detail = java.util.regex.Pattern.compile("\"detail\":(\\{.*})}$").matcher(event);
      context.getLogger().log("event " + (type.find() ? type.group(1) : "?") + " " + (detail.find() ? detail.group(1)
          : "?"));
    }
  }

  /** Answers its environment, a {@code NAME=value} line each. */
  public static class Environment implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      StringBuilder b = new StringBuilder();
      new java.util.TreeMap<>(System.getenv()).forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
      out.write(b.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  /** An S3 subscriber: logs {@code s3 KEY} for each record. */
  public static class S3Logger implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"key\":\"([^\"]*)\"")
          .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      while (m.find()) {
        context.getLogger().log("s3 " + m.group(1));
      }
    }
  }

  /**
   * A stream's function: logs {@code stream EVENT}; reports as failed, the first time it sees it, a change whose
   * new image has {@code fail: true}, and fails the whole batch while it holds a change of the key {@code poison}.
   */
  public static class StreamRecorder implements RequestStreamHandler {
    private static final java.util.Set<String> FAILED_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      context.getLogger().log("stream " + event);
      if (event.contains("{\"S\":\"poison\"}")) {
        throw new IllegalStateException("poisoned");
      }
      StringBuilder failures = new StringBuilder();
      for (String record : event.split("\\{\"eventID\":")) {
        java.util.regex.Matcher seq = java.util.regex.Pattern.compile("\"SequenceNumber\":\"(\\d+)\"").matcher(record);
        if (record.contains("\"fail\":{\"BOOL\":true}") && seq.find() && FAILED_ONCE.add(seq.group(1))) {
          failures.append(failures.length() == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(seq.group(1))
              .append("\"}");
        }
      }
      out.write(("{\"batchItemFailures\":[" + failures + "]}").getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * A Kinesis function: logs {@code kinesis PARTITION-KEY DATA} for each record, and reports as failed, the first
   * time it sees it, a record whose data starts with {@code fail}.
   */
  public static class KinesisRecorder implements RequestStreamHandler {
    private static final java.util.Set<String> FAILED_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"partitionKey\":\"([^\"]*)\","
          + "\"sequenceNumber\":\"(\\d+)\",\"data\":\"([^\"]*)\"").matcher(new String(in.readAllBytes(),
          StandardCharsets.UTF_8));
      StringBuilder failures = new StringBuilder();
      while (m.find()) {
        String data = new String(java.util.Base64.getDecoder().decode(m.group(3)), StandardCharsets.UTF_8);
        context.getLogger().log("kinesis " + m.group(1) + " " + data);
        if (data.startsWith("fail") && FAILED_ONCE.add(m.group(2))) {
          failures.append(failures.length() == 0 ? "" : ",").append("{\"itemIdentifier\":\"").append(m.group(2))
              .append("\"}");
          break; // as a stream's function does: what follows waits for it
        }
      }
      out.write(("{\"batchItemFailures\":[" + failures + "]}").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Logs {@code input EVENT}: what it was invoked with, as sent. */
  public static class InputLogger implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      context.getLogger().log("input " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /**
   * A Lambda authorizer: allows the token {@code allow-NAME} with the context {@code tenant: NAME, calls: N} (N: the
   * calls this JVM took, so a test sees whether an answer was cached), throws {@code Unauthorized} for {@code bad}
   * and denies the rest. A simple answer to an HTTP API's 2.0 event; else an IAM policy that allows GET on any path
   * of the stage, or denies the one ARN asked about.
   */
  public static class Authorizer implements RequestStreamHandler {
    private static final java.util.concurrent.atomic.AtomicInteger CALLS =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      int calls = CALLS.incrementAndGet();
      java.util.regex.Matcher token = java.util.regex.Pattern.compile(
          "\"(?:authorizationToken|identitySource)\":\\[?\"([^\"]*)\"").matcher(event);
      String t = token.find() ? token.group(1) : "";
      if (t.equals("bad")) {
        throw new IllegalStateException("Unauthorized");
      }
      boolean allow = t.startsWith("allow-");
      String answer = "\"context\": {\"tenant\": \"" + (allow ? t.substring(6) : "") + "\", \"calls\": " + calls + "}";
      if (event.contains("\"version\":\"2.0\"")) {
        out.write(("{\"isAuthorized\": " + allow + ", " + answer + "}").getBytes(StandardCharsets.UTF_8));
        return;
      }
      java.util.regex.Matcher arn = java.util.regex.Pattern.compile("\"methodArn\":\"(([^/\"]*/[^/\"]*)/[^\"]*)\"")
          .matcher(event);
      arn.find();
      String statement = "{\"Action\": \"execute-api:Invoke\", \"Effect\": \"" + (allow ? "Allow" : "Deny")
          + "\", \"Resource\": [\"" + (allow ? arn.group(2) + "/GET/*" : arn.group(1)) + "\"]}";
      out.write(("{\"principalId\": \"user-" + t + "\", \"policyDocument\": {\"Version\": \"2012-10-17\", "
          + "\"Statement\": [" + statement + "]}, " + answer + "}").getBytes(StandardCharsets.UTF_8));
    }
  }
}
