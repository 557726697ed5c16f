package dev.stratus.template;

import dev.stratus.template.Value.Mapping;
import java.util.List;

/**
 * A resource: its type, properties and resource attributes as CloudFormation names them. Absent scalar
 * attributes are {@code null}; {@code other} keeps further attributes ({@code CreationPolicy},
 * {@code UpdatePolicy}, …) as written.
 */
public record Resource(
    String type,
    Mapping properties,
    String condition,
    List<String> dependsOn,
    String deletionPolicy,
    String updateReplacePolicy,
    Mapping metadata,
    Mapping other) {

  public static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

  public Resource {
    properties = properties == null ? Mapping.EMPTY : properties;
    dependsOn = List.copyOf(dependsOn);
    metadata = metadata == null ? Mapping.EMPTY : metadata;
    other = other == null ? Mapping.EMPTY : other;
  }

  public static Resource of(String type, Mapping properties) {
    return new Resource(type, properties, null, List.of(), null, null, Mapping.EMPTY, Mapping.EMPTY);
  }

  public Resource withProperties(Mapping newProperties) {
    return new Resource(type, newProperties, condition, dependsOn, deletionPolicy, updateReplacePolicy, metadata, other);
  }

  public Resource withCondition(String name) {
    return new Resource(type, properties, name, dependsOn, deletionPolicy, updateReplacePolicy, metadata, other);
  }

  public Resource withDependsOn(List<String> ids) {
    return new Resource(type, properties, condition, ids, deletionPolicy, updateReplacePolicy, metadata, other);
  }

  /** Sets both policies; CloudFormation applies them on delete and on replacement respectively. */
  public Resource withPolicies(String deletion, String updateReplace) {
    return new Resource(type, properties, condition, dependsOn, deletion, updateReplace, metadata, other);
  }
}
