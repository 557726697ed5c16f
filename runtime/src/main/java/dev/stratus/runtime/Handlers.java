package dev.stratus.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The typed methods of one class, generated as {@code <Class>_Lambda.HANDLERS}: a table of {@link Handler}s
 * and the one generated method that calls them by their index. The runtime parses each event, binds the
 * arguments and answers; what is generated per method is its entry and its call. Lambda's handlers and
 * {@link TestClient} go through the same table.
 */
public final class Handlers<T> implements Routes<T> {
  /** The generated call of typed method {@code index} with its bound {@code args} (the {@code Context} aside). */
  @FunctionalInterface
  public interface Call<T> {
    Object call(T target, int index, Object[] args, Context context) throws Exception;
  }

  private final Call<T> call;
  private final List<Handler> handlers;

  public Handlers(Call<T> call, Handler... handlers) {
    this.call = call;
    this.handlers = List.of(handlers);
  }

  /** Lambda's stream handler body for typed method {@code index} of {@code target} (null for a static one). */
  public void answer(int index, T target, InputStream in, OutputStream out, Context context) throws IOException {
    Handler h = handlers.get(index);
    if (h.kind == Handler.Kind.ROUTE) {
      Api.answer(in, out, context, (request, c) -> route(index, target, request, c), h.allowOrigin);
    } else {
      Events.answer(in, out, context, (event, c) -> event(index, target, event, c));
    }
  }

  private Reply route(int index, T target, ApiRequest request, Context context) throws Exception {
    Handler h = handlers.get(index);
    return h.answer.reply(call.call(target, index, h.bind(request), context));
  }

  private String event(int index, T target, String event, Context context) throws Exception {
    Handler h = handlers.get(index);
    switch (h.kind) {
      case EACH_RECORD:
        return each(h.records, event, context, (item, c) -> call.call(target, index, h.bind(h.records, item), c));
      case AUTHORIZER:
        AuthRequest question = AuthRequest.parse(event);
        return question.answer((AuthResult) call.call(target, index, h.bind(question), context));
      default:
        return h.answer.event(call.call(target, index, h.bind(null, event), context));
    }
  }

  private static <I> String each(EventSource<I> source, String event, Context context, Events.Each<Object> each) {
    return Events.each(source, event, context, each::accept);
  }

  @Override
  public List<Endpoint<T>> endpoints() {
    List<Endpoint<T>> out = new ArrayList<>();
    for (int i = 0; i < handlers.size(); i++) {
      int index = i;
      Handler h = handlers.get(i);
      for (Handler.Route r : h.routes) {
        out.add(new Endpoint<>(r.method(), r.path(), (t, request, c) -> route(index, t, request, c), h.allowOrigin,
            r.httpApi()));
      }
    }
    return out;
  }

  @Override
  public List<Listener<T>> listeners() {
    List<Listener<T>> out = new ArrayList<>();
    for (int i = 0; i < handlers.size(); i++) {
      int index = i;
      Handler h = handlers.get(i);
      if (h.kind != Handler.Kind.ROUTE) {
        out.add(new Listener<>(h.method, h.source, (t, event, c) -> event(index, t, event, c)));
      }
    }
    return out;
  }

  /** The table's lines, for SnapStart's warm-up. */
  List<Handler> handlers() {
    return handlers;
  }
}
