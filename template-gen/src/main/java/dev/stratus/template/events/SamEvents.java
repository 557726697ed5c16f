package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The event kinds Stratus knows, and reading a function's {@code Events} into them. */
public final class SamEvents {
  /** Every kind an annotation declares; a new kind is one more entry here and one more {@link SamEvent.Visitor} method. */
  public static final List<EventKind<?>> KINDS = List.of(ApiEvent.KIND, HttpApiEvent.KIND, S3Event.KIND,
      ScheduleEvent.KIND, SqsEvent.KIND, SnsEvent.KIND, EventBridgeRuleEvent.KIND, DynamoDbStreamEvent.KIND,
      KinesisEvent.KIND);
  /** Where a stream's event source mapping starts reading. */
  static final List<String> STARTING_POSITIONS = List.of("LATEST", "TRIM_HORIZON");

  static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

  private SamEvents() {}

  /** One entry of {@code Events}: a known kind, or {@link OtherEvent} for anything else, kept as written. */
  public static SamEvent read(Value event) {
    Mapping m = event instanceof Mapping mapping ? mapping : Mapping.EMPTY;
    String type = m.get("Type") instanceof Value.Str s ? s.value() : null;
    Mapping properties = m.get("Properties") instanceof Mapping p ? p : Mapping.EMPTY;
    for (EventKind<?> kind : KINDS) {
      if (type != null && kind.samTypes().contains(type)) {
        return kind.reader().apply(type, properties);
      }
    }
    return new OtherEvent(event);
  }

  /** A serverless function's events by name, in template order. */
  public static Map<String, SamEvent> of(Resource function) {
    Map<String, SamEvent> out = new LinkedHashMap<>();
    if (function.properties().get("Events") instanceof Mapping events) {
      events.entries().forEach((name, e) -> out.put(name, read(e)));
    }
    return out;
  }

  /** A source named by logical id becomes a reference ({@code !GetAtt Q.Arn} or {@code !Ref T}); an ARN or intrinsic stays as given. */
  static Value source(AnnotationInput in, String attribute, String getAtt) {
    String text = in.string(attribute);
    if (Names.isValidLogicalId(text)) {
      return getAtt == null ? Fn.ref(text) : Fn.getAtt(text, getAtt);
    }
    return in.textOrIntrinsic(attribute);
  }

  /** The logical id a source property refers to, if it is a {@code Ref} or {@code GetAtt}. */
  static Optional<String> referencedId(Value source) {
    if (source instanceof Fn.Ref r) {
      return Optional.of(r.target());
    }
    return source instanceof Fn.GetAtt g ? Optional.of(g.resource()) : Optional.empty();
  }

  /** The source must be a resource of {@code type}, when it names one of the template; the right ones are named. */
  static Optional<Message> expectType(String property, String id, String type, Map<String, Resource> resources) {
    Resource actual = resources.get(id);
    if (actual == null || actual.type().equals(type)) {
      return Optional.empty();
    }
    List<String> right = resources.entrySet().stream().filter(e -> e.getValue().type().equals(type))
        .map(Map.Entry::getKey).sorted().toList();
    return Optional.of(Diagnostic.InvalidEventSource.with(property, id, actual.type(), type, right.isEmpty()
        ? "; the template has no " + type : "; the template's " + type + " resources: " + String.join(", ", right)));
  }

  /** {@code properties} with {@code FunctionResponseTypes: [ReportBatchItemFailures]}. */
  static Mapping reportingBatchItemFailures(Mapping properties) {
    Map<String, Value> p = new LinkedHashMap<>(properties.entries());
    p.put("FunctionResponseTypes", Value.seq(Value.str("ReportBatchItemFailures")));
    return new Mapping(p);
  }

  /** A written {@code BatchSize} outside 1 to {@code max}, said for {@code source}; SAM's default is {@code otherwise}. */
  static Optional<Message> batchSizeOutOfRange(Value batchSize, String source, int max, int otherwise) {
    if (batchSize instanceof Value.Num n) {
      long size = new BigDecimal(n.literal()).longValue();
      if (size < 1 || size > max) {
        return Optional.of(Diagnostic.InvalidBatchSize.with(size, source, max, otherwise));
      }
    }
    return Optional.empty();
  }

  /**
   * A stream's event from an annotation: {@code Stream} (the {@code getAtt} of a resource named by {@code attribute}),
   * {@code StartingPosition}, and the batching and retry properties the annotation writes.
   */
  static Mapping streamProperties(AnnotationInput in, String attribute, String getAtt) {
    Value stream = source(in, attribute, getAtt);
    if (stream == null) {
      return null;
    }
    Mapping.Builder p = Mapping.builder().put("Stream", stream)
        .put("StartingPosition", Value.str(in.string("startingPosition")));
    for (String property : List.of("batchSize", "maximumBatchingWindowInSeconds", "maximumRetryAttempts")) {
      if (in.isExplicit(property)) {
        p.put(capitalize(property), Value.num(in.integer(property)));
      }
    }
    return p.build();
  }

  /**
   * What is wrong with a stream event's batch size and starting position, said for {@code source}; with
   * {@code atTimestamp}, the source also starts at a {@code StartingPositionTimestamp} (Kinesis does).
   */
  static List<Message> checkStream(Mapping properties, String source, int maxBatch, int defaultBatch,
      boolean atTimestamp) {
    List<Message> out = new ArrayList<>();
    batchSizeOutOfRange(properties.get("BatchSize"), source, maxBatch, defaultBatch).ifPresent(out::add);
    boolean timed = atTimestamp && properties.get("StartingPositionTimestamp") != null;
    if (properties.get("StartingPosition") instanceof Value.Str s && !STARTING_POSITIONS.contains(s.value())
        && !(timed && s.value().equals("AT_TIMESTAMP"))) {
      out.add(Diagnostic.InvalidStartingPosition.with(s.value(), source, "LATEST (records from now on)"
          + (atTimestamp ? ", TRIM_HORIZON (all the stream holds) or AT_TIMESTAMP with a StartingPositionTimestamp"
          : " or TRIM_HORIZON (all the stream holds)")));
    }
    return out;
  }

  /** A default event name from an attribute's text: letters and digits, or nothing when too long to be useful. */
  static String alphanumeric(String text) {
    String s = NOT_ALPHANUMERIC.matcher(text).replaceAll("");
    return s.length() > 64 || s.isEmpty() ? "" : s;
  }

  static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
