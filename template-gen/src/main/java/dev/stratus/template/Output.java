package dev.stratus.template;

/** A stack output; {@code description}, {@code exportName} and {@code condition} are {@code null} when absent. */
public record Output(Value value, String description, Value exportName, String condition) {}
