package dev.stratus.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** How the runtime's tests start a stack: the repository's dynalite and the build's Lambda runtime jars. */
final class TestStacks {
  private TestStacks() {}

  static Path dynalite() {
    return Path.of(System.getProperty("dynalite.command", "../node_modules/.bin/dynalite"));
  }

  /**
   * Serves {@code template} (YAML text whose functions' {@code CodeUri} is {@code handlers.jar}, the test
   * handlers) from a folder of its own, as the stack {@code name}, logging to {@code log}.
   */
  static LocalServer serve(String name, String template, int maxJvms, ServeLog log) throws IOException {
    return LocalServer.start(options(write(name, template), 1, maxJvms, name, null), log.out);
  }

  /** {@code template} written, with the test handlers' jar, in a folder of its own; its path. */
  static Path write(String name, String template) throws IOException {
    Path dir = Files.createTempDirectory("stratus-" + name + "-it");
    TestHandlersJar.write(dir);
    return Files.writeString(dir.resolve("template.yaml"), template);
  }

  /** A stack of {@code template} with API key "k", no parameters, no overrides. */
  static LocalServer.Options options(Path template, double clockSpeed, int maxJvms, String stackName, Path state) {
    return new LocalServer.Options(template, 0, "k", Map.of(), null, null, dynalite(), LocalMain.runtimeClasspath(),
        clockSpeed, Map.of(), maxJvms, stackName, state, false, List.of());
  }
}
