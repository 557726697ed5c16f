package dev.stratus.template.connect;

import java.util.List;

/**
 * A function's declared use of a resource: its logical id (or a parameter that names one outside the stack,
 * with its {@code type}), the access categories of SAM's connector profiles ({@code Read}, {@code Write}),
 * exact actions, for a bucket the keys ({@code uploads/*}, empty for all), and the environment variable's
 * name, or empty for the derived one.
 */
public record Use(String resource, List<String> access, List<String> actions, String objects, String env,
    String type) {
  public Use {
    access = List.copyOf(access);
    actions = List.copyOf(actions);
  }

  /** A use of a resource of the stack. */
  public Use(String resource, List<String> access, List<String> actions, String objects, String env) {
    this(resource, access, actions, objects, env, "");
  }

  public Use(String resource, List<String> access, String env) {
    this(resource, access, List.of(), "", env, "");
  }
}
