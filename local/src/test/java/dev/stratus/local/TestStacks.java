package dev.stratus.local;

import java.nio.file.Path;
import java.util.Map;

/** How the runtime's tests start a stack: the repository's dynalite and the build's Lambda runtime jars. */
final class TestStacks {
  private TestStacks() {}

  static Path dynalite() {
    return Path.of(System.getProperty("dynalite.command", "../node_modules/.bin/dynalite"));
  }

  /** A stack of {@code template} with API key "k", no parameters, no overrides. */
  static LocalServer.Options options(Path template, double clockSpeed, int maxJvms, String stackName, Path state) {
    return new LocalServer.Options(template, 0, "k", Map.of(), null, null, dynalite(), LocalMain.runtimeClasspath(),
        clockSpeed, Map.of(), maxJvms, stackName, state, false);
  }
}
