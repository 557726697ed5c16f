package dev.stratus.template.check;

import dev.stratus.template.Fn;
import dev.stratus.template.FunctionUrlConfig;
import dev.stratus.template.PseudoParameter;
import dev.stratus.template.Resource;
import dev.stratus.template.SamNames;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.events.SamEvent;
import dev.stratus.template.events.SamEvents;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the checks need to know about a template, worked out once: the names a {@code Ref} or {@code GetAtt}
 * may take (SAM's generated ones included), every reference with where it stands, the functions' events,
 * and which resource needs which to exist first. Immutable; each check reads it and returns its problems.
 */
public final class TemplateIndex {

  /** Where a value sits: which resource it belongs to, which conditions hold there, whether it is a condition. */
  record Scope(String resource, Set<String> guards, boolean inCondition, boolean dependency) {
    Scope guardedBy(String condition) {
      Set<String> more = new HashSet<>(guards);
      more.add(condition);
      return new Scope(resource, Set.copyOf(more), inCondition, dependency);
    }
  }

  /** A {@code Ref}, {@code GetAtt} (also inside {@code Sub}) or {@code DependsOn}, as written, and where. */
  record Use(Kind kind, String target, String attribute, String written, List<String> path, Scope scope) {
    enum Kind { REF, GET_ATT, DEPENDS_ON }

    /** The resource a use stands for: {@code MyApi.Stage} stands for {@code MyApi}. */
    String resource() {
      return kind == Kind.REF ? SamNames.base(target) : target;
    }
  }

  /** A name used where only a condition (or a mapping) may stand. */
  record NameUse(String name, List<String> path) {}

  final Template template;
  final ResourceSpecs specs;
  /** Names a {@code Ref} may take: parameters, resources, pseudo parameters and what SAM generates. */
  final Set<String> refNames;
  /** Logical ids a {@code GetAtt} may take, with the type whose attributes they have. */
  final Map<String, String> attributeTypes;
  final Map<String, Map<String, SamEvent>> events;
  final List<Use> uses;
  final List<NameUse> conditionUses;
  final List<NameUse> mappingUses;
  /** Resource → the resources it needs to exist first, in template order. */
  final Map<String, Set<String>> dependencies;
  /** Every name something refers to. */
  final Set<String> referenced;

  private TemplateIndex(Template template, ResourceSpecs specs, Builder b) {
    this.template = template;
    this.specs = specs;
    this.refNames = Collections.unmodifiableSet(b.refNames);
    this.attributeTypes = Collections.unmodifiableMap(b.attributeTypes);
    this.events = Collections.unmodifiableMap(b.events);
    this.uses = List.copyOf(b.uses);
    this.conditionUses = List.copyOf(b.conditionUses);
    this.mappingUses = List.copyOf(b.mappingUses);
    Map<String, Set<String>> deps = new LinkedHashMap<>();
    b.dependencies.forEach((k, v) -> deps.put(k, Collections.unmodifiableSet(v)));
    this.dependencies = Collections.unmodifiableMap(deps);
    this.referenced = Collections.unmodifiableSet(b.referenced);
  }

  public static TemplateIndex of(Template template) {
    return of(template, ResourceSpecs.get());
  }

  static TemplateIndex of(Template template, ResourceSpecs specs) {
    Builder b = new Builder(template);
    b.build();
    return new TemplateIndex(template, specs, b);
  }

  private static final class Builder {
    private final Template template;
    private final Set<String> refNames = new HashSet<>();
    private final Map<String, String> attributeTypes = new HashMap<>();
    private final Map<String, Map<String, SamEvent>> events = new LinkedHashMap<>();
    private final List<Use> uses = new ArrayList<>();
    private final List<NameUse> conditionUses = new ArrayList<>();
    private final List<NameUse> mappingUses = new ArrayList<>();
    private final Map<String, Set<String>> dependencies = new LinkedHashMap<>();
    private final Set<String> referenced = new HashSet<>();
    /** The resources {@code Globals.Function} names: every function depends on them. */
    private Set<String> namedByFunctionGlobals = Set.of();

    Builder(Template template) {
      this.template = template;
    }

    void build() {
      refNames.addAll(template.parameters().keySet());
      Arrays.stream(PseudoParameter.values()).map(PseudoParameter::refName).forEach(refNames::add);
      template.resources().forEach((id, r) -> {
        attributeTypes.put(id, r.type());
        if (r.type().equals(Resource.SERVERLESS_FUNCTION)) {
          events.put(id, Collections.unmodifiableMap(SamEvents.of(r)));
        }
      });
      if (template.isServerless()) {
        addSamGeneratedNames();
      }
      refNames.addAll(attributeTypes.keySet());

      template.conditions().forEach((name, condition) ->
          walk(condition, List.of("Conditions", name), new Scope(null, Set.of(), true, false)));
      if (template.globals().get("Function") instanceof Mapping globals) {
        // Globals are walked once below; here they only tell what every function depends on.
        Builder named = new Builder(template);
        named.walk(globals, List.of(), new Scope(null, Set.of(), false, false));
        namedByFunctionGlobals = named.uses.stream().map(Use::resource).filter(template.resources()::containsKey)
            .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
      }
      template.resources().forEach(this::resource);
      template.outputs().forEach((name, output) -> {
        List<String> p = List.of("Outputs", name);
        condition(output.condition(), List.of("Outputs", name, "Condition"));
        Scope scope = new Scope(null, output.condition() == null ? Set.of() : Set.of(output.condition()), false, false);
        walk(output.value(), p, scope);
        if (output.exportName() != null) {
          walk(output.exportName(), p, scope);
        }
      });
      walk(template.globals(), List.of("Globals"), new Scope(null, Set.of(), false, false));
      uses.forEach(u -> referenced.add(u.scope().inCondition() ? u.target() : u.resource()));
    }

    private void resource(String id, Resource resource) {
      List<String> p = List.of("Resources", id);
      condition(resource.condition(), append(p, "Condition"));
      Set<String> guards = resource.condition() == null ? Set.of() : Set.of(resource.condition());
      Scope scope = new Scope(id, guards, false, true);
      Set<String> needs = dependencies.computeIfAbsent(id, k -> new LinkedHashSet<>());
      for (String dependency : resource.dependsOn()) {
        uses.add(new Use(Use.Kind.DEPENDS_ON, dependency, null, "DependsOn " + dependency, append(p, "DependsOn"),
            scope));
        if (template.resources().containsKey(dependency)) {
          needs.add(dependency);
        }
      }
      Mapping properties = resource.properties();
      if (resource.type().equals(Resource.SERVERLESS_FUNCTION)) {
        // SAM turns events into resources of their own: they make the function depend on nothing.
        Map<String, Value> rest = new LinkedHashMap<>(properties.entries());
        Value functionEvents = rest.remove("Events");
        properties = new Mapping(rest);
        if (functionEvents != null) {
          walk(functionEvents, List.of("Resources", id, "Properties", "Events"), new Scope(id, guards, false, false));
        }
        events.get(id).values().forEach(e -> e.waitsForFunction().stream()
            .filter(template.resources()::containsKey)
            .forEach(waiting -> dependencies.computeIfAbsent(waiting, k -> new LinkedHashSet<>()).add(id)));
        needs.addAll(namedByFunctionGlobals);
      }
      walk(properties, append(p, "Properties"), scope);
      walk(resource.other(), p, scope);
    }

    private void walk(Value value, List<String> path, Scope scope) {
      value.accept(new Value.Visitor<Void>() {
        public Void str(Value.Str v) {
          return null;
        }

        public Void num(Value.Num v) {
          return null;
        }

        public Void bool(Value.Bool v) {
          return null;
        }

        public Void nul(Value.Null v) {
          return null;
        }

        public Void seq(Value.Seq v) {
          for (int i = 0; i < v.items().size(); i++) {
            walk(v.items().get(i), append(path, Integer.toString(i)), scope);
          }
          return null;
        }

        public Void mapping(Value.Mapping v) {
          v.entries().forEach((k, item) -> walk(item, append(path, k), scope));
          return null;
        }

        public Void fn(Fn fn) {
          function(fn, path, scope);
          return null;
        }
      });
    }

    private void function(Fn fn, List<String> path, Scope scope) {
      if (fn instanceof Fn.If f) {
        condition(f.condition(), path);
        walk(f.whenTrue(), path, scope.guardedBy(f.condition()));
        walk(f.whenFalse(), path, scope);
      } else if (fn instanceof Fn.Ref ref) {
        use(Use.Kind.REF, ref.target(), null, "!Ref " + ref.target(), path, scope);
      } else if (fn instanceof Fn.GetAtt att) {
        use(Use.Kind.GET_ATT, att.resource(), att.attribute(), "!GetAtt " + att.resource() + "." + att.attribute(),
            path, scope);
      } else if (fn instanceof Fn.Sub sub) {
        for (Fn.Sub.Part part : sub.parts()) {
          if (part instanceof Fn.Sub.Reference r && r.target() instanceof Fn.GetAtt g) {
            use(Use.Kind.GET_ATT, g.resource(), g.attribute(), r.written() + " in !Sub", path, scope);
          } else if (part instanceof Fn.Sub.Reference r && r.target() instanceof Fn.Ref ref) {
            use(Use.Kind.REF, ref.target(), null, r.written() + " in !Sub", path, scope);
          }
        }
        sub.variables().entries().values().forEach(v -> walk(v, path, scope));
      } else if (fn instanceof Fn.Condition c) {
        condition(c.name(), path);
      } else {
        if (fn instanceof Fn.FindInMap f && f.mapName() instanceof Value.Str name) {
          mappingUses.add(new NameUse(name.value(), path));
        }
        // A function's arguments are not a list of the template: its problems point at the function.
        if (fn.argument() instanceof Value.Seq arguments) {
          arguments.items().forEach(a -> walk(a, path, scope));
        } else {
          walk(fn.argument(), path, scope);
        }
      }
    }

    private void use(Use.Kind kind, String target, String attribute, String written, List<String> path, Scope scope) {
      Use use = new Use(kind, target, attribute, written, path, scope);
      uses.add(use);
      if (scope.dependency() && scope.resource() != null && template.resources().containsKey(use.resource())
          && (kind != Use.Kind.REF || refNames.contains(target))) {
        dependencies.computeIfAbsent(scope.resource(), k -> new LinkedHashSet<>()).add(use.resource());
      }
    }

    private void condition(String name, List<String> path) {
      if (name != null) {
        conditionUses.add(new NameUse(name, path));
      }
    }

    /** Resources SAM creates from the serverless ones, which templates may refer to by name. */
    private void addSamGeneratedNames() {
      template.resources().forEach((id, r) -> {
        if (r.type().equals(Resource.SERVERLESS_FUNCTION) && r.properties().get("Role") == null) {
          attributeTypes.put(SamNames.role(id), "AWS::IAM::Role");
        }
        if (r.type().equals(Resource.SERVERLESS_FUNCTION) && r.properties().get("FunctionUrlConfig") != null) {
          attributeTypes.put(FunctionUrlConfig.resourceId(id), "AWS::Lambda::Url");
        }
        refNames.addAll(SamNames.dotted(id, r.type()));
      });
      events.values().forEach(byName -> byName.values().forEach(e -> attributeTypes.putAll(e.generatedResources())));
    }

    private static List<String> append(List<String> p, String key) {
      List<String> out = new ArrayList<>(p);
      out.add(key);
      return out;
    }
  }
}
