package dev.stratus.template.connect;

import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.events.SamEvents;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/**
 * What the role SAM makes for a function without {@code Role} holds beyond its {@code Policies}: the AWS managed
 * policies the translator attaches (its logs, its pull event sources' pollers, X-Ray, a VPC's network
 * interfaces) and what they allow. Derived by {@code tools/gen_sam_role.py} from the translator itself and the
 * AWS Managed Policy Reference into {@code sam-role.json}.
 */
final class SamRole {
  private static final Map<String, Object> DATA = load();

  private SamRole() {}

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    try (InputStream in = SamRole.class.getResourceAsStream("sam-role.json")) {
      return (Map<String, Object>) new Yaml().load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The policies SAM attaches to {@code function}'s role; none when the function names a role of its own. */
  @SuppressWarnings("unchecked")
  static List<Permissions.SamPolicy> of(Resource function, Template template) {
    List<Permissions.SamPolicy> out = new ArrayList<>();
    if (function.properties().get("Role") != null) {
      return out;
    }
    add(out, (List<String>) DATA.get("function"), "every function: its logs");
    if ("Active".equals(setting(function, template, "Tracing"))) {
      add(out, (List<String>) DATA.get("tracing"), "Tracing: Active");
    }
    if (setting(function, template, "VpcConfig") != null) {
      add(out, (List<String>) DATA.get("vpc"), "its VpcConfig");
    }
    Map<String, List<String>> events = (Map<String, List<String>>) DATA.get("events");
    SamEvents.of(function).values().forEach(e -> add(out, events.getOrDefault(e.type(), List.of()),
        "its " + e.type() + " event's poller"));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void add(List<Permissions.SamPolicy> out, List<String> names, String why) {
    Map<String, Map<String, List<String>>> policies = (Map<String, Map<String, List<String>>>) DATA.get("policies");
    for (String name : names) {
      if (out.stream().noneMatch(p -> p.name().equals(name))) {
        out.add(new Permissions.SamPolicy(name, why, policies.get(name).get("actions"), policies.get(name).get("resources")));
      }
    }
  }

  /** The poller actions of a pull event type that IAM scopes to its source, and those it scopes to nothing. */
  @SuppressWarnings("unchecked")
  static Map<String, List<String>> poller(String eventType) {
    return ((Map<String, Map<String, List<String>>>) DATA.get("pollers")).get(eventType);
  }

  /** X-Ray's actions for {@code Tracing: Active}, none of which IAM scopes to a resource. */
  @SuppressWarnings("unchecked")
  static List<String> tracingActions() {
    return (List<String>) DATA.get("tracing-actions");
  }

  /** The function's property, or the one {@code Globals/Function} gives it; its text, or a marker when not text. */
  static Object setting(Resource function, Template template, String property) {
    Value v = function.properties().get(property);
    if (v == null && template.globals().get("Function") instanceof Mapping g) {
      v = g.get(property);
    }
    return v instanceof Value.Str s ? s.value() : v;
  }
}
