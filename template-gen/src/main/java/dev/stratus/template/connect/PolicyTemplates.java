package dev.stratus.template.connect;

import dev.stratus.template.Fn;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SAM translator's policy templates ({@code SQSPollerPolicy: {QueueName: …}}), expanded as the translator
 * expands them: each {@code Ref} of a parameter in the template's statements becomes the value given. From
 * {@code policy-templates.json}, which {@code tools/gen_sam_role.py} copies from the translator.
 */
final class PolicyTemplates {
  private static final Mapping DATA = load();
  private static final Mapping TEMPLATES = (Mapping) DATA.get("templates");
  private static final Mapping MANAGED = (Mapping) DATA.get("managed");

  private PolicyTemplates() {}

  private static Mapping load() {
    try (InputStream in = PolicyTemplates.class.getResourceAsStream("policy-templates.json")) {
      return (Mapping) YamlReader.readValue(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The ARN of a managed policy named in {@code Policies} as SAM resolves it ({@code AWSLambdaExecute}, or an ARN
   * as written), in the stack's partition; null for a name SAM does not know.
   */
  static Value managedArn(Value policy) {
    if (policy instanceof Value.Str s && s.value().startsWith("arn:")) {
      return policy;
    }
    if (policy instanceof Value.Str s && MANAGED.get(s.value()) instanceof Value.Str path) {
      return Fn.sub("arn:${AWS::Partition}:iam::aws:policy/" + path.value());
    }
    return policy instanceof Fn ? policy : null;
  }

  /** The statements of policy {@code policy} when it is a template given exactly its parameters; null otherwise. */
  static List<Value> expand(Value policy) {
    if (!(policy instanceof Mapping m) || m.entries().size() != 1) {
      return null;
    }
    Map.Entry<String, Value> only = m.entries().entrySet().iterator().next();
    if (!(TEMPLATES.get(only.getKey()) instanceof Mapping template)) {
      return null;
    }
    Mapping given = only.getValue() instanceof Mapping p ? p : Mapping.EMPTY;
    List<String> parameters = new ArrayList<>();
    ((Value.Seq) template.get("parameters")).items().forEach(p -> parameters.add(((Value.Str) p).value()));
    if (!given.entries().keySet().equals(new java.util.HashSet<>(parameters))) {
      return null; // kept for SAM, and for the template check that says what is missing or unknown
    }
    return ((Value.Seq) substitute(template.get("statements"), given)).items();
  }

  /** {@code v} with each {@code Ref} of a parameter replaced by its value. */
  private static Value substitute(Value v, Mapping given) {
    if (v instanceof Fn.Ref r && given.get(r.target()) != null) {
      return given.get(r.target());
    } else if (v instanceof Fn.Ref) {
      return v;
    } else if (v instanceof Fn.Sub sub) {
      return new Fn.Sub(sub.template(), (Mapping) substitute(sub.variables(), given));
    } else if (v instanceof Fn f) {
      return Fn.of(f.function(), substitute(f.argument(), given));
    } else if (v instanceof Value.Seq seq) {
      return new Value.Seq(seq.items().stream().map(i -> substitute(i, given)).toList());
    } else if (v instanceof Mapping m) {
      Mapping.Builder b = Mapping.builder();
      m.entries().forEach((k, x) -> b.put(k, substitute(x, given)));
      return b.build();
    }
    return v;
  }
}
