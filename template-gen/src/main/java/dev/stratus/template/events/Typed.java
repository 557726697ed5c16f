package dev.stratus.template.events;

/**
 * What a typed method of an event kind is handed, and how its generated handler delivers it: the one
 * description that the processor's checks, the glue, {@code TestClient} and the permissions report read.
 *
 * @param shape a route's request, each record of the event, or the event's whole input
 * @param source the runtime's {@code EventSource} constant that takes the records out of the event and names
 *     the kind to {@code TestClient} ({@code SQS}); for a whole input, the name alone ({@code SCHEDULE})
 * @param items what the method is handed, in words, plural: {@code SQS messages}
 * @param item the runtime type each record is handed as when it is no JSON of the user's
 *     ({@code dev.stratus.runtime.S3Record}), or null: the record's text, as {@code String} or read as JSON
 * @param reportsFailures the records that failed are reported back ({@code ReportBatchItemFailures}), so only
 *     they are delivered again
 * @param envelope the runtime's generic type that carries a record's own fields around its JSON content
 *     ({@code dev.stratus.runtime.BusEvent}), or null; a method takes the envelope of its type
 *     ({@code BusEvent<Order>}) or the content alone ({@code Order}). The runtime's {@code EventSource} hands
 *     the envelope of the content's text, and the envelope has {@code map} to read it.
 * @param content the envelope's accessor of its content ({@code detail}), or null
 */
public record Typed(Shape shape, String source, String items, String item, boolean reportsFailures, String envelope,
    String content) {
  public enum Shape { ROUTE, EACH_RECORD, WHOLE_INPUT, AUTHORIZER }

  public static final Typed ROUTE = new Typed(Shape.ROUTE, null, "HTTP requests", null, false, null, null);
  /** An {@code @Authorizer} method: API Gateway asks it about a caller before the routes that name it. */
  public static final Typed AUTHORIZER = new Typed(Shape.AUTHORIZER, "AUTHORIZER", "callers to authorize", null,
      false, null, null);

  public static Typed eachRecord(String source, String items, String item, boolean reportsFailures) {
    return new Typed(Shape.EACH_RECORD, source, items, item, reportsFailures, null, null);
  }

  /** Each record in an {@code envelope} around its {@code content}: see {@link Typed}. */
  public static Typed eachInEnvelope(String source, String items, String envelope, String content,
      boolean reportsFailures) {
    return new Typed(Shape.EACH_RECORD, source, items, null, reportsFailures, envelope, content);
  }

  public static Typed wholeInput(String source, String items) {
    return new Typed(Shape.WHOLE_INPUT, source, items, null, false, null, null);
  }

  /** What one of the items is, in words: {@code SQS message}. */
  public String oneItem() {
    return items.endsWith("s") ? items.substring(0, items.length() - 1) : items;
  }
}
