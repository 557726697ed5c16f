package dev.stratus.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One typed method as its generated handler runs it: what it takes (each {@link Arg}, in order, the
 * {@code Context} aside), how it answers, and the routes or event kind that reach it. A line of the generated
 * {@link Handlers} table.
 */
public final class Handler {
  /** A route's request, each record of an event, an event's whole input, an authorizer's question. */
  enum Kind { ROUTE, EACH_RECORD, WHOLE_INPUT, AUTHORIZER }

  /** {@code GET /products/{id}}; {@code httpApi}: an HTTP API's route, not a REST API's. */
  record Route(String method, String path, boolean httpApi) {}

  /** The kind of event of {@code @Authorizer} methods, as {@code TestClient} names it. */
  static final String AUTHORIZER = "AUTHORIZER";

  final String method;
  final Kind kind;
  /** The kind of event, as {@code TestClient} names it ({@code SQS}); null for a route. */
  final String source;
  /** How its records are taken out of the event; null but for {@code EACH_RECORD}. */
  final EventSource<?> records;
  final Answer answer;
  final List<Arg<?>> args;
  final List<Route> routes;
  /** The CORS origin its REST API allows, sent on every reply; null for none. */
  final String allowOrigin;

  private Handler(String method, Kind kind, String source, EventSource<?> records, Answer answer, List<Arg<?>> args,
      List<Route> routes, String allowOrigin) {
    Arg.From from = kind == Kind.ROUTE ? Arg.From.REQUEST : kind == Kind.AUTHORIZER ? Arg.From.CALLER
        : Arg.From.RECORD;
    for (Arg<?> a : args) {
      if (a.from != from) {
        throw new IllegalArgumentException(method + " (" + words(kind) + ") cannot take a " + words(a.from) + " value");
      }
    }
    this.method = method;
    this.kind = kind;
    this.source = source;
    this.records = records;
    this.answer = answer;
    this.args = args;
    this.routes = routes;
    this.allowOrigin = allowOrigin;
  }

  private static String words(Enum<?> e) {
    return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  /** The route method {@code method}; its routes come with {@link #at}. */
  public static Handler route(String method, Answer answer, Arg<?>... args) {
    return new Handler(method, Kind.ROUTE, null, null, answer, List.of(args), List.of(), null);
  }

  /** The same, also answering {@code httpMethod path}. */
  public Handler at(String httpMethod, String path, boolean httpApi) {
    List<Route> more = new ArrayList<>(routes);
    more.add(new Route(httpMethod, path, httpApi));
    return new Handler(method, kind, source, records, answer, args, List.copyOf(more), allowOrigin);
  }

  /** The same, sending {@code Access-Control-Allow-Origin: origin} on every reply, as its REST API's CORS says. */
  public Handler allowOrigin(String origin) {
    return new Handler(method, kind, source, records, answer, args, routes, origin);
  }

  /** A method handed each record of {@code source}'s events. */
  public static Handler each(String method, EventSource<?> source, Arg<?>... args) {
    return new Handler(method, Kind.EACH_RECORD, source.name(), source, Answer.NO_CONTENT, List.of(args), List.of(),
        null);
  }

  /** A method handed the whole input of a {@code source} event ({@code SCHEDULE}), answering with its result. */
  public static Handler input(String method, String source, Answer answer, Arg<?>... args) {
    return new Handler(method, Kind.WHOLE_INPUT, source, null, answer, List.of(args), List.of(), null);
  }

  /** An {@code @Authorizer} method: API Gateway asks it about a caller. */
  public static Handler authorizer(String method, Arg<?>... args) {
    return new Handler(method, Kind.AUTHORIZER, AUTHORIZER, null, Answer.NO_CONTENT, List.of(args), List.of(),
        null);
  }

  /** The arguments of one request; every failure in one 400, or a 401 for what the caller's credentials lack. */
  Object[] bind(ApiRequest request) {
    Binding binding = new Binding(request);
    Object[] values = values(a -> a.bind(binding));
    binding.check();
    return values;
  }

  /** The arguments of one record (or whole input, with no {@code source}). */
  Object[] bind(EventSource<?> source, Object item) {
    return values(a -> a.bind(source, item));
  }

  Object[] bind(AuthRequest question) {
    return values(a -> a.bind(question));
  }

  private Object[] values(Function<Arg<?>, Object> bind) {
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = bind.apply(args.get(i));
    }
    return values;
  }
}
