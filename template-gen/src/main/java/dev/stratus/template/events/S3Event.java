package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code Type: S3}: object notifications of a bucket of the same template, filtered by key prefix and suffix. */
public record S3Event(Mapping properties) implements SamEvent {
  public static final EventKind<S3Event> KIND = new EventKind<>("OnS3Event", List.of("S3"), List.of("S3Event"),
      (type, p) -> new S3Event(p), S3Event::fromAnnotation, in -> SamEvents.alphanumeric(in.string("bucket")) + "Event",
      Typed.eachRecord("S3", "S3 objects", "dev.stratus.runtime.S3Record", false));

  static S3Event fromAnnotation(AnnotationInput in) {
    Mapping.Builder p = Mapping.builder().put("Bucket", Fn.ref(in.string("bucket")));
    List<String> names = in.strings("events");
    p.put("Events", names.size() == 1 ? Value.str(names.get(0)) : Value.seqOf(names));
    List<Value> rules = new ArrayList<>();
    for (String filter : List.of("prefix", "suffix")) {
      if (!in.string(filter).isEmpty()) {
        rules.add(Mapping.builder().put("Name", filter).put("Value", in.string(filter)).build());
      }
    }
    if (!rules.isEmpty()) {
      p.put("Filter", Mapping.builder().put("S3Key", Mapping.builder().put("Rules", new Value.Seq(rules)).build())
          .build());
    }
    return new S3Event(p.build());
  }

  public String type() {
    return "S3";
  }

  public <R> R accept(Visitor<R> visitor) {
    return visitor.s3(this);
  }

  public Value bucket() {
    return properties.get("Bucket");
  }

  /** One event name or a list of them. */
  @Override
  public Value source() {
    return bucket();
  }

  public Value events() {
    return properties.get("Events");
  }

  /** {@code Filter.S3Key.Rules}: a list of {@code {Name: prefix|suffix, Value}}, null when unfiltered. */
  public Value keyRules() {
    return properties.get("Filter") instanceof Mapping f && f.get("S3Key") instanceof Mapping k ? k.get("Rules") : null;
  }

  @Override
  public List<Message> check(Map<String, Resource> resources) {
    if (bucket() instanceof Fn.Ref ref) {
      return SamEvents.expectType("Bucket", ref.target(), "AWS::S3::Bucket", resources).stream().toList();
    }
    return List.of(Diagnostic.S3BucketNotInTemplate.with());
  }

  @Override
  public List<String> waitsForFunction() {
    return bucket() instanceof Fn.Ref ref ? List.of(ref.target()) : List.of();
  }
}
