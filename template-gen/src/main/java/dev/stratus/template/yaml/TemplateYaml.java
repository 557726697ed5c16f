package dev.stratus.template.yaml;

import dev.stratus.template.Output;
import dev.stratus.template.Parameter;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.TemplateException;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Seq;
import dev.stratus.template.Value.Str;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Template ↔ YAML text, sections in CloudFormation's usual order. */
public final class TemplateYaml {
  private static final Set<String> SECTIONS = Set.of("AWSTemplateFormatVersion", "Transform", "Description",
      "Metadata", "Parameters", "Mappings", "Conditions", "Globals", "Resources", "Outputs");
  private static final Set<String> RESOURCE_KEYS = Set.of("Type", "Properties", "Condition", "DependsOn",
      "DeletionPolicy", "UpdateReplacePolicy", "Metadata");

  private TemplateYaml() {}

  public static String write(Template t) {
    return YamlWriter.write(toMapping(t));
  }

  /** Reads a template; shape errors ({@code Resources} not a mapping, a resource without {@code Type}) carry their line. */
  public static Template read(String text) {
    YamlReader.Document doc = YamlReader.read(text);
    if (!(doc.root() instanceof Mapping root)) {
      throw new TemplateException("a template is a mapping of sections (Resources, Parameters, …)", 1);
    }
    for (String key : root.entries().keySet()) {
      if (!SECTIONS.contains(key)) {
        throw new TemplateException("unknown template section '" + key + "'; sections are " + String.join(", ",
            new java.util.TreeSet<>(SECTIONS)), doc.lineOf(key));
      }
    }
    Template.Builder b = Template.builder()
        .formatVersion(text(root, "AWSTemplateFormatVersion", doc))
        .description(text(root, "Description", doc))
        .metadata(section(root, "Metadata", doc))
        .globals(section(root, "Globals", doc));
    Value transform = root.get("Transform");
    if (transform instanceof Str s) {
      b.transforms(List.of(s.value()));
    } else if (transform instanceof Seq seq) {
      List<String> names = new ArrayList<>();
      seq.items().forEach(item -> names.add(string(item, "Transform", doc)));
      b.transforms(names);
    } else if (transform != null) {
      throw new TemplateException("Transform is a name or a list of names", doc.lineOf("Transform"));
    }
    entries(root, "Parameters", doc).forEach((name, v) -> b.parameter(name, parameter(name, v, doc)));
    entries(root, "Mappings", doc).forEach((name, v) -> b.mapping(name, mapping(v, "Mappings/" + name, doc)));
    entries(root, "Conditions", doc).forEach(b::condition);
    entries(root, "Resources", doc).forEach((id, v) -> b.resource(id, resource(id, v, doc)));
    entries(root, "Outputs", doc).forEach((name, v) -> b.output(name, output(name, v, doc)));
    return b.build();
  }

  static Mapping toMapping(Template t) {
    Mapping.Builder b = Mapping.builder()
        .put("AWSTemplateFormatVersion", t.formatVersion());
    if (t.transforms().size() == 1) {
      b.put("Transform", t.transforms().get(0));
    } else {
      b.putNonEmpty("Transform", t.transforms());
    }
    b.put("Description", t.description())
        .putNonEmpty("Metadata", t.metadata())
        .putNonEmpty("Parameters", section(t.parameters(), TemplateYaml::toMapping))
        .putNonEmpty("Mappings", section(t.mappings(), m -> m))
        .putNonEmpty("Conditions", section(t.conditions(), c -> c))
        .putNonEmpty("Globals", t.globals())
        .putNonEmpty("Resources", section(t.resources(), TemplateYaml::toMapping))
        .putNonEmpty("Outputs", section(t.outputs(), TemplateYaml::toMapping));
    return b.build();
  }

  private static <T> Mapping section(Map<String, T> items, java.util.function.Function<T, Value> convert) {
    Mapping.Builder b = Mapping.builder();
    items.forEach((name, item) -> b.put(name, convert.apply(item)));
    return b.build();
  }

  private static Mapping toMapping(Parameter p) {
    Mapping.Builder b = Mapping.builder()
        .put("Type", p.type())
        .put("Default", p.defaultValue())
        .putNonEmpty("AllowedValues", p.allowedValues())
        .put("Description", p.description());
    p.other().entries().forEach(b::put);
    return b.build();
  }

  private static Mapping toMapping(Resource r) {
    Mapping.Builder b = Mapping.builder()
        .put("Type", r.type())
        .put("Condition", r.condition());
    if (r.dependsOn().size() == 1) {
      b.put("DependsOn", r.dependsOn().get(0));
    } else {
      b.putNonEmpty("DependsOn", r.dependsOn());
    }
    b.put("DeletionPolicy", r.deletionPolicy())
        .put("UpdateReplacePolicy", r.updateReplacePolicy())
        .putNonEmpty("Metadata", r.metadata());
    r.other().entries().forEach(b::put);
    return b.putNonEmpty("Properties", r.properties()).build();
  }

  private static Mapping toMapping(Output o) {
    return Mapping.builder()
        .put("Description", o.description())
        .put("Condition", o.condition())
        .put("Value", o.value())
        .put("Export", o.exportName() == null ? null : Mapping.builder().put("Name", o.exportName()).build())
        .build();
  }

  private static Parameter parameter(String name, Value v, YamlReader.Document doc) {
    String path = "Parameters/" + name;
    Mapping m = mapping(v, path, doc);
    Mapping.Builder other = Mapping.builder();
    m.entries().forEach((k, x) -> {
      if (!Set.of("Type", "Default", "AllowedValues", "Description").contains(k)) {
        other.put(k, x);
      }
    });
    List<String> allowed = new ArrayList<>();
    if (m.get("AllowedValues") instanceof Seq seq) {
      seq.items().forEach(item -> allowed.add(scalarText(item, path, doc)));
    }
    String type = text(m, "Type", path, doc);
    if (type == null) {
      throw new TemplateException("parameter '" + name + "' has no Type; add e.g. Type: String", doc.lineOf(path));
    }
    return new Parameter(type, m.get("Default"), allowed, text(m, "Description", path, doc), other.build());
  }

  private static Resource resource(String id, Value v, YamlReader.Document doc) {
    String path = "Resources/" + id;
    Mapping m = mapping(v, path, doc);
    String type = text(m, "Type", path, doc);
    if (type == null) {
      throw new TemplateException("resource '" + id + "' has no Type", doc.lineOf(path));
    }
    List<String> dependsOn = new ArrayList<>();
    Value deps = m.get("DependsOn");
    if (deps instanceof Str s) {
      dependsOn.add(s.value());
    } else if (deps instanceof Seq seq) {
      seq.items().forEach(item -> dependsOn.add(string(item, path, doc)));
    }
    Mapping.Builder other = Mapping.builder();
    m.entries().forEach((k, x) -> {
      if (!RESOURCE_KEYS.contains(k)) {
        other.put(k, x);
      }
    });
    Value properties = m.get("Properties");
    return new Resource(type, properties == null ? Mapping.EMPTY : mapping(properties, path, doc),
        text(m, "Condition", path, doc), dependsOn, text(m, "DeletionPolicy", path, doc),
        text(m, "UpdateReplacePolicy", path, doc), section(m, "Metadata", doc), other.build());
  }

  private static Output output(String name, Value v, YamlReader.Document doc) {
    String path = "Outputs/" + name;
    Mapping m = mapping(v, path, doc);
    if (m.get("Value") == null) {
      throw new TemplateException("output '" + name + "' has no Value", doc.lineOf(path));
    }
    Value export = m.get("Export") instanceof Mapping e ? e.get("Name") : null;
    return new Output(m.get("Value"), text(m, "Description", path, doc), export, text(m, "Condition", path, doc));
  }

  private static Map<String, Value> entries(Mapping root, String key, YamlReader.Document doc) {
    return section(root, key, doc).entries();
  }

  private static Mapping section(Mapping root, String key, YamlReader.Document doc) {
    Value v = root.get(key);
    return v == null || v instanceof Value.Null ? Mapping.EMPTY : mapping(v, key, doc);
  }

  private static Mapping mapping(Value v, String path, YamlReader.Document doc) {
    if (v instanceof Mapping m) {
      return m;
    }
    throw new TemplateException(path + " must be a mapping", doc.lineOf(path));
  }

  private static String text(Mapping m, String key, YamlReader.Document doc) {
    return text(m, key, key, doc);
  }

  private static String text(Mapping m, String key, String path, YamlReader.Document doc) {
    Value v = m.get(key);
    return v == null ? null : scalarText(v, path.equals(key) ? key : path + "/" + key, doc);
  }

  private static String scalarText(Value v, String path, YamlReader.Document doc) {
    if (v instanceof Str s) {
      return s.value();
    } else if (v instanceof Value.Num n) {
      return n.literal();
    } else if (v instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    }
    throw new TemplateException(path + " must be a plain value", doc.lineOf(path));
  }

  private static String string(Value v, String path, YamlReader.Document doc) {
    if (v instanceof Str s) {
      return s.value();
    }
    throw new TemplateException(path + " must list names", doc.lineOf(path));
  }
}
