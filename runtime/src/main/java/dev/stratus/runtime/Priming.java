package dev.stratus.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart's warm-up for generated handlers: before the snapshot, the glue runs its own paths (parsing a
 * sample event, binding, its codecs, writing replies) so that what a first request loads and compiles is in
 * the snapshot. None of it calls the user's methods or AWS; a failed warm-up costs only the speed-up.
 */
public final class Priming {
  /** CRaC may hold resources weakly; these must live as long as the container. */
  private static final List<Resource> REGISTERED = new ArrayList<>();

  private static final String SAMPLE_API_EVENT = """
      {"resource": "/sample/{id}", "path": "/sample/1", "httpMethod": "POST",
       "headers": {"Content-Type": "application/json"}, "multiValueHeaders": {"Content-Type": ["application/json"]},
       "queryStringParameters": {"q": "1"}, "multiValueQueryStringParameters": {"q": ["1"]},
       "pathParameters": {"id": "1"}, "requestContext": {"requestId": "priming", "stage": "prod"},
       "body": "{}", "isBase64Encoded": false}""";
  static final String SAMPLE_SQS_EVENT = LambdaEvents.sqs("arn:aws:sqs:us-east-1:000000000000:priming",
      List.of(LambdaEvents.SqsMessage.of("{}")));

  private Priming() {}

  /** Runs {@code prime} before each checkpoint. */
  public static synchronized void register(Runnable prime) {
    Resource r = new Resource() {
      @Override
      public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
          prime.run();
        } catch (RuntimeException | LinkageError e) {
          System.err.println("warm-up before the snapshot failed; the snapshot is taken without it: " + e);
        }
      }

      @Override
      public void afterRestore(Context<? extends Resource> context) {}
    };
    REGISTERED.add(r);
    Core.getGlobalContext().register(r);
  }

  /** The API glue's own path: values bound and converted from {@code request}, each kind of reply written. */
  private static void api(ApiRequest request) {
    Binding b = new Binding(request);
    b.path("id", Convert.LONG);
    b.query("q", Convert.INT, null);
    b.optionalHeader("content-type", Convert.STRING);
    b.body(Codecs.ANY, true);
    b.path("missing", Convert.UUID_);
    Api.answer(request, null, (r, c) -> {
      new Binding(r).check();
      return Reply.json(Codecs.ANY, java.util.Map.of("primed", true));
    }).toJson();
    Api.answer(request, null, (r, c) -> {
      b.check(); // fails: the 400 path
      return Reply.noContent();
    }).toJson();
    Reply.error(404, "not found").toJson();
  }

  /** The event glue's own path: an SQS batch parsed and its reply written. */
  private static void events() {
    Events.each(EventSource.SQS, SAMPLE_SQS_EVENT, null, (body, c) -> JsonReader.read(body, Codecs.ANY));
  }

  /**
   * The warm-up of a class's generated handlers: the glue's paths its methods take, each route's arguments bound
   * from the sample request (most fail to: the failures are the point), then every codec they use.
   */
  public static void handlers(Handlers<?> table) {
    List<Handler> handlers = table.handlers();
    if (handlers.stream().anyMatch(h -> h.kind == Handler.Kind.ROUTE)) {
      ApiRequest request = ApiRequest.parse(SAMPLE_API_EVENT);
      api(request);
      for (Handler h : handlers) {
        if (h.kind == Handler.Kind.ROUTE) {
          try {
            h.bind(request);
          } catch (RuntimeException e) {
            // a 400 or 401 for the sample, as expected
          }
        }
      }
    }
    if (handlers.stream().anyMatch(h -> h.kind != Handler.Kind.ROUTE)) {
      events();
    }
    Set<Codec<?>> codecs = new LinkedHashSet<>();
    for (Handler h : handlers) {
      h.args.forEach(a -> codecs.add(a.codec));
      codecs.add(h.answer.codec);
    }
    codecs.remove(null);
    codecs.forEach(Priming::codec);
  }

  /** Loads and runs {@code codec} on whatever sample it reads: an object, a list, a string, a number. */
  private static <T> void codec(Codec<T> codec) {
    for (String sample : List.of("{}", "[]", "\"1\"", "1", "true")) {
      try {
        T value = JsonReader.read(sample, codec);
        if (value != null) {
          JsonWriter.write(codec, value);
        }
      } catch (RuntimeException e) {
        // not this codec's shape, or a record's constructor refused the sample
      }
    }
  }

  /** The user's own warm-up, when their class offers one. */
  public static void warmUp(Object target) {
    if (target instanceof Warmup w) {
      try {
        w.warmUp();
      } catch (Exception e) {
        System.err.println("warmUp() of " + target.getClass().getName() + " failed before the snapshot: " + e);
      }
    }
  }
}
