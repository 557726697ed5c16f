package dev.stratus.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The way in of an event method's handler ({@link Handlers}). A typed method takes one record's item at a
 * time, as its kind's {@link EventSource} takes them out of the event, or the whole event (a schedule's input).
 */
public final class Events {
  /** What one message, record or input is handed to: the call of the typed method. */
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

  /**
   * Hands each record of {@code event} to {@code each}; a failure is logged and the others still run. The reply
   * names the failed records where the source reports them ({@code batchItemFailures}); elsewhere a failure
   * fails the invocation, after every record was tried. An ordered source's batch ends at its first failure.
   */
  public static <T> String each(EventSource<T> source, String event, Context context, Each<T> each) {
    List<String> failed = new ArrayList<>();
    for (Map<String, Object> record : records(source, event)) {
      try {
        each.accept(source.item().apply(record), context);
      } catch (Exception e) {
        String id = source.id().apply(record);
        log(context, source.name() + " record " + id + " failed" + (source.ordered()
            ? "; it and those after it return to their source: " : source.reportsFailures()
            ? "; it returns to its source: " : ": "), e);
        failed.add(id);
        if (source.ordered()) {
          break;
        }
      }
    }
    if (source.reportsFailures()) {
      JsonWriter w = new JsonWriter().beginObject().name("batchItemFailures").beginArray();
      for (String id : failed) {
        w.beginObject().name("itemIdentifier").string(id).endObject();
      }
      return w.endArray().endObject().toString();
    }
    if (!failed.isEmpty()) {
      throw new EventFailedException(failed.size() + " " + source.what() + " failed: " + String.join(", ", failed),
          null);
    }
    return "null";
  }

  /** A checked exception of a typed method as the failure of its invocation. */
  public static RuntimeException failed(Exception e) {
    return new EventFailedException("the handler failed: " + e, e);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(EventSource<?> source, String event) {
    Object parsed = JsonReader.read(event, Codecs.ANY);
    if (!source.records()) {
      if (!(parsed instanceof Map<?, ?>)) {
        throw new EventFailedException("the event is no JSON object: " + Convert.excerpt(event), null);
      }
      return List.of((Map<String, Object>) parsed);
    }
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
