package dev.stratus.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The way in of a generated SQS, SNS, S3 or schedule handler. A typed method takes one message, record or
 * input at a time (a schedule's input is the whole event); SQS messages that fail are reported back through {@code batchItemFailures} (the
 * template turns on {@code ReportBatchItemFailures}), so only they come back; for SNS and S3, whose
 * invocations Lambda retries whole, any failure fails the invocation after every record was tried.
 */
public final class Events {
  /** What one message, record or input is handed to: the generated call of the typed method. */
  @FunctionalInterface
  public interface Each<T> {
    void accept(T item, Context context) throws Exception;
  }

  /** One whole event, its JSON in, the reply's JSON out. */
  @FunctionalInterface
  public interface Call {
    String call(String event, Context context) throws Exception;
  }

  private Events() {}

  /** Lambda's stream handler body for a call. */
  public static void answer(InputStream in, OutputStream out, Context context, Call call) throws IOException {
    String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    String reply;
    try {
      reply = call.call(event, context);
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw failed(e);
    }
    out.write(reply.getBytes(StandardCharsets.UTF_8));
  }

  /** Each message body of an SQS event; the reply names the messages that failed. */
  public static String sqs(String event, Context context, Each<String> each) {
    List<String> failed = each(event, context, each, r -> String.valueOf(r.get("messageId")), r -> text(r.get("body")),
        id -> "message " + id + " failed; it returns to the queue: ");
    JsonWriter w = new JsonWriter().beginObject().name("batchItemFailures").beginArray();
    for (String id : failed) {
      w.beginObject().name("itemIdentifier").string(id).endObject();
    }
    return w.endArray().endObject().toString();
  }

  /** Each message of an SNS event (one, as SNS delivers them). */
  public static String sns(String event, Context context, Each<String> each) {
    return done(each(event, context, each, r -> String.valueOf(map(r.get("Sns")).get("MessageId")),
        r -> text(map(r.get("Sns")).get("Message")), id -> "SNS message " + id + " failed: "), "SNS messages");
  }

  /** Each object of an S3 notification. */
  public static String s3(String event, Context context, Each<S3Record> each) {
    return done(each(event, context, each, r -> s3Record(r).key(), Events::s3Record, key -> key + " failed: "),
        "S3 objects");
  }

  /** Hands each record's item to {@code each}; answers the ids of those that failed, each failure logged. */
  private static <T> List<String> each(String event, Context context, Each<T> each,
      Function<Map<String, Object>, String> id, Function<Map<String, Object>, T> item, Function<String, String> what) {
    List<String> failed = new ArrayList<>();
    for (Map<String, Object> record : records(event)) {
      try {
        each.accept(item.apply(record), context);
      } catch (Exception e) {
        log(context, what.apply(id.apply(record)), e);
        failed.add(id.apply(record));
      }
    }
    return failed;
  }

  /** {@code text} read by {@code codec}, for a message the method takes as a record. */
  public static <T> T read(String text, Codec<T> codec) {
    return JsonReader.read(text, codec);
  }

  /** A checked exception of a typed method as the failure of its invocation. */
  public static RuntimeException failed(Exception e) {
    return new EventFailedException("the handler failed: " + e, e);
  }

  private static String done(List<String> failed, String what) {
    if (!failed.isEmpty()) {
      throw new EventFailedException(failed.size() + " " + what + " failed: " + String.join(", ", failed), null);
    }
    return "null";
  }

  static S3Record s3Record(Map<String, Object> record) {
    Map<?, ?> s3 = map(record.get("s3"));
    Map<?, ?> object = map(s3.get("object"));
    Object size = object.get("size");
    String key = text(object.get("key"));
    return new S3Record(text(map(s3.get("bucket")).get("name")),
        key == null ? null : URLDecoder.decode(key, StandardCharsets.UTF_8),
        size instanceof Number n ? n.longValue() : 0, text(object.get("eTag")), text(record.get("eventName")));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(String event) {
    Object parsed = JsonReader.read(event, Codecs.ANY);
    Object records = parsed instanceof Map<?, ?> m ? m.get("Records") : null;
    if (!(records instanceof List<?> list)) {
      throw new EventFailedException("the event has no Records: " + Convert.excerpt(event), null);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object r : list) {
      out.add(r instanceof Map<?, ?> ? (Map<String, Object>) r : Map.of());
    }
    return out;
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static void log(Context context, String what, Exception e) {
    Log.error(context, what + Log.trace(e));
  }

  /** An invocation that failed; Lambda retries it or sends it to the function's failure destination. */
  public static final class EventFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EventFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
