package dev.stratus.template.connect;

import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;

/** What a use gives its function: a policy document of the access's statements, and one environment variable. */
public record Grant(Mapping policy, String envName, Value envValue) {}
