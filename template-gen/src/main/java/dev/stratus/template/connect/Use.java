package dev.stratus.template.connect;

import java.util.List;

/**
 * A function's declared use of a resource: its logical id, the access categories of SAM's connector
 * profiles ({@code Read}, {@code Write}), exact actions, for a bucket the keys ({@code uploads/*}, empty for
 * all), and the environment variable's name, or empty for the derived one.
 */
public record Use(String resource, List<String> access, List<String> actions, String objects, String env) {
  public Use {
    access = List.copyOf(access);
    actions = List.copyOf(actions);
  }

  public Use(String resource, List<String> access, String env) {
    this(resource, access, List.of(), "", env);
  }
}
