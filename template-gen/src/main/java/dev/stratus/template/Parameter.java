package dev.stratus.template;

import dev.stratus.template.Value.Mapping;
import java.util.List;

/**
 * A template parameter. {@code defaultValue} and {@code description} are {@code null} when absent;
 * {@code other} keeps the remaining CloudFormation keys ({@code NoEcho}, {@code MinValue}, …) as written.
 */
public record Parameter(String type, Value defaultValue, List<String> allowedValues, String description, Mapping other) {
  public Parameter {
    type = type == null ? "String" : type;
    allowedValues = List.copyOf(allowedValues);
    other = other == null ? Mapping.EMPTY : other;
  }

  public static Parameter of(String type) {
    return new Parameter(type, null, List.of(), null, Mapping.EMPTY);
  }

  public Parameter withDefault(Value value) {
    return new Parameter(type, value, allowedValues, description, other);
  }

  public Parameter withAllowedValues(List<String> values) {
    return new Parameter(type, defaultValue, values, description, other);
  }

  public Parameter withDescription(String text) {
    return new Parameter(type, defaultValue, allowedValues, text, other);
  }
}
