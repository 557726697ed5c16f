package dev.stratus.template.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code mvn stratus:run} with and without {@code -Dstratus.args}. */
class RunMojoTest {
  @Test
  void noArgumentsIsNoOption() {
    assertThat(RunMojo.serveOptions(null)).isEmpty(); // what Maven passes when the property is not set
    assertThat(RunMojo.serveOptions("  ")).isEmpty();
  }

  @Test
  void argumentsAreSplitOnBlanks() {
    assertThat(RunMojo.serveOptions(" --port 3001   --api-key dev ")).containsExactly("--port", "3001", "--api-key",
        "dev");
  }
}
