package dev.stratus.template.connect;

import java.util.List;

/**
 * A function's declared use of a resource: its logical id, the access categories of SAM's connector
 * profiles ({@code Read}, {@code Write}) and the environment variable's name, or empty for the derived one.
 */
public record Use(String resource, List<String> access, String env) {
  public Use {
    access = List.copyOf(access);
  }
}
