package dev.stratus.template.maven;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code mvn stratus:run} and {@code stratus:dev} with and without {@code -Dstratus.args}. */
class LocalRuntimeTest {
  @Test
  void noArgumentsIsNoOption() {
    assertThat(LocalRuntime.options(null)).isEmpty(); // what Maven passes when the property is not set
    assertThat(LocalRuntime.options("  ")).isEmpty();
  }

  @Test
  void argumentsAreSplitOnBlanks() {
    assertThat(LocalRuntime.options(" --port 3001   --api-key dev ")).containsExactly("--port", "3001", "--api-key",
        "dev");
  }
}
