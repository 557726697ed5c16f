package dev.stratus.template;

import dev.stratus.template.Value.Mapping;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable CloudFormation / SAM template. Sections keep insertion order; absent scalars are
 * {@code null} and absent sections empty, so that unset stays absent in the output.
 */
public record Template(
    String formatVersion,
    List<String> transforms,
    String description,
    Mapping metadata,
    Map<String, Parameter> parameters,
    Map<String, Mapping> mappings,
    Map<String, Value> conditions,
    Mapping globals,
    Map<String, Resource> resources,
    Map<String, Output> outputs) {

  public static final String FORMAT_VERSION = "2010-09-09";
  public static final String SERVERLESS_TRANSFORM = "AWS::Serverless-2016-10-31";

  public Template {
    transforms = List.copyOf(transforms);
    metadata = metadata == null ? Mapping.EMPTY : metadata;
    parameters = frozen(parameters);
    mappings = frozen(mappings);
    conditions = frozen(conditions);
    globals = globals == null ? Mapping.EMPTY : globals;
    resources = frozen(resources);
    outputs = frozen(outputs);
  }

  private static <V> Map<String, V> frozen(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.formatVersion = formatVersion;
    b.transforms = transforms;
    b.description = description;
    b.metadata = metadata;
    b.parameters.putAll(parameters);
    b.mappings.putAll(mappings);
    b.conditions.putAll(conditions);
    b.globals = globals;
    b.resources.putAll(resources);
    b.outputs.putAll(outputs);
    return b;
  }

  public boolean isServerless() {
    return transforms.contains(SERVERLESS_TRANSFORM);
  }

  /** A mutable builder; {@code put} replaces, so callers that must detect duplicates check first. */
  public static final class Builder {
    private String formatVersion;
    private List<String> transforms = List.of();
    private String description;
    private Mapping metadata = Mapping.EMPTY;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Mapping> mappings = new LinkedHashMap<>();
    private final Map<String, Value> conditions = new LinkedHashMap<>();
    private Mapping globals = Mapping.EMPTY;
    private final Map<String, Resource> resources = new LinkedHashMap<>();
    private final Map<String, Output> outputs = new LinkedHashMap<>();

    public Builder formatVersion(String version) {
      this.formatVersion = version;
      return this;
    }

    public Builder transforms(List<String> names) {
      this.transforms = List.copyOf(names);
      return this;
    }

    public Builder description(String text) {
      this.description = text;
      return this;
    }

    public Builder metadata(Mapping value) {
      this.metadata = value;
      return this;
    }

    public Builder parameter(String name, Parameter parameter) {
      parameters.put(name, parameter);
      return this;
    }

    public Builder mapping(String name, Mapping mapping) {
      mappings.put(name, mapping);
      return this;
    }

    public Builder condition(String name, Value condition) {
      conditions.put(name, condition);
      return this;
    }

    public Builder globals(Mapping value) {
      this.globals = value;
      return this;
    }

    public Builder resource(String logicalId, Resource resource) {
      resources.put(logicalId, resource);
      return this;
    }

    public Builder output(String name, Output output) {
      outputs.put(name, output);
      return this;
    }

    public Template build() {
      return new Template(formatVersion, transforms, description, metadata, parameters, mappings, conditions,
          globals, resources, outputs);
    }
  }
}
