package dev.stratus.runtime;

import java.util.Optional;
import java.util.function.Function;

/**
 * Where one parameter of a typed method comes from: a request's path, query, header, body or authorizer, an
 * event record's item or content, or the question an {@code @Authorizer} is asked. Generated handlers declare
 * one constant per kind of value ({@code Arg<Long> PATH_ID = Arg.path("id", Convert.LONG)}); the runtime binds
 * them, and the generated call takes each value back as its type with {@link #of}. The binding is the
 * runtime's, so a typed method costs its build only a call: no binding code is generated per method.
 */
public final class Arg<T> {
  /** What an argument is bound from: the request of a route, a record of an event, the caller asked about. */
  enum From { REQUEST, RECORD, CALLER }

  final From from;
  /** The codec of a JSON value, for SnapStart's warm-up; null for none. */
  final Codec<?> codec;
  private final Function<Binding, Object> request;
  private final RecordRead record;
  private final Function<AuthRequest, Object> caller;

  /** A record's value: {@code item} as {@code source} hands it. */
  @FunctionalInterface
  interface RecordRead {
    Object read(EventSource<?> source, Object item);
  }

  private Arg(From from, Codec<?> codec, Function<Binding, Object> request, RecordRead record,
      Function<AuthRequest, Object> caller) {
    this.from = from;
    this.codec = codec;
    this.request = request;
    this.record = record;
    this.caller = caller;
  }

  /** {@code value}, which the runtime bound from this, as its type. */
  @SuppressWarnings("unchecked")
  public T of(Object value) {
    return (T) value;
  }

  Object bind(Binding binding) {
    return request.apply(binding);
  }

  Object bind(EventSource<?> source, Object item) {
    return record.read(source, item);
  }

  Object bind(AuthRequest question) {
    return caller.apply(question);
  }

  private static <T> Arg<T> request(Function<Binding, Object> bind) {
    return new Arg<>(From.REQUEST, null, bind, null, null);
  }

  private static <T> Arg<T> record(Codec<?> codec, RecordRead read) {
    return new Arg<>(From.RECORD, codec, null, read, null);
  }

  private static <T> Arg<T> caller(Function<AuthRequest, Object> ask) {
    return new Arg<>(From.CALLER, null, null, null, ask);
  }

  public static <T> Arg<T> path(String name, Convert<T> convert) {
    return request(b -> b.path(name, convert));
  }

  /** A query parameter; with {@code fallback} (the text of a default) it may be absent, without it is required. */
  public static <T> Arg<T> query(String name, Convert<T> convert, String fallback) {
    return request(b -> b.query(name, convert, fallback));
  }

  public static <T> Arg<Optional<T>> optionalQuery(String name, Convert<T> convert) {
    return request(b -> b.optionalQuery(name, convert));
  }

  public static <T> Arg<java.util.List<T>> queryList(String name, Convert<T> convert) {
    return request(b -> b.queryList(name, convert));
  }

  public static <T> Arg<T> header(String name, Convert<T> convert, String fallback) {
    return request(b -> b.header(name, convert, fallback));
  }

  public static <T> Arg<Optional<T>> optionalHeader(String name, Convert<T> convert) {
    return request(b -> b.optionalHeader(name, convert));
  }

  public static <T> Arg<java.util.List<T>> headerList(String name, Convert<T> convert) {
    return request(b -> b.headerList(name, convert));
  }

  public static <T> Arg<T> claim(String name, Convert<T> convert) {
    return request(b -> b.claim(name, convert));
  }

  public static <T> Arg<Optional<T>> optionalClaim(String name, Convert<T> convert) {
    return request(b -> b.optionalClaim(name, convert));
  }

  public static <T> Arg<java.util.List<T>> claimList(String name, Convert<T> convert) {
    return request(b -> b.claimList(name, convert));
  }

  public static <T> Arg<T> authContext(String name, Convert<T> convert) {
    return request(b -> b.authContext(name, convert));
  }

  public static <T> Arg<Optional<T>> optionalAuthContext(String name, Convert<T> convert) {
    return request(b -> b.optionalAuthContext(name, convert));
  }

  /** The body as JSON; required: it must be there and not {@code null}. */
  public static <T> Arg<T> body(Codec<T> codec) {
    return new Arg<>(From.REQUEST, codec, b -> b.body(codec, true), null, null);
  }

  public static <T> Arg<Optional<T>> optionalBody(Codec<T> codec) {
    return new Arg<>(From.REQUEST, codec, b -> Optional.ofNullable(b.body(codec, false)), null, null);
  }

  public static Arg<String> bodyText() {
    return request(b -> b.bodyText(true));
  }

  public static Arg<Optional<String>> optionalBodyText() {
    return request(b -> Optional.ofNullable(b.bodyText(false)));
  }

  public static Arg<byte[]> bodyBytes() {
    return request(b -> b.bodyBytes(true));
  }

  /** A record as its kind hands it: {@code S3Record}, or {@code BusEvent<String>} with its detail as text. */
  public static <T> Arg<T> item() {
    return record(null, (source, item) -> item);
  }

  /** A record's text: an SQS message's body, an EventBridge event's detail, a whole input. */
  public static Arg<String> text() {
    return record(null, Arg::content);
  }

  /** A record's text read as JSON. */
  public static <T> Arg<T> json(Codec<T> codec) {
    return record(codec, (source, item) -> JsonReader.read(content(source, item), codec));
  }

  /** A whole input (no source) is its own text. */
  private static String content(EventSource<?> source, Object item) {
    return source == null ? (String) item : source.content(item);
  }

  /** A record in its kind's envelope ({@code BusEvent<Order>}), its JSON content read. */
  public static <T> Arg<T> envelope(Codec<?> codec) {
    return record(codec, (source, item) -> source.envelope(item, text -> JsonReader.read(text, codec)));
  }

  /** The caller's token, from the header or query parameter {@code name}. */
  public static Arg<String> token(String name) {
    return caller(question -> question.token(name));
  }

  /** The whole question: method, path, headers, the route's ARN. */
  public static Arg<AuthRequest> question() {
    return caller(question -> question);
  }
}
