package dev.stratus.template.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  @Test
  void aRebuiltJarMeetsNoArchiveOfAnEarlierBuild(@TempDir Path dir) throws Exception {
    File jar = Files.writeString(dir.resolve("stratus-local.jar"), "one").toFile();
    Path first = LocalRuntime.archive(jar);
    assertThat(LocalRuntime.archive(jar)).isEqualTo(first);
    Files.setLastModifiedTime(jar.toPath(), FileTime.fromMillis(jar.lastModified() + 5_000));
    Path rebuilt = LocalRuntime.archive(jar);
    assertThat(rebuilt).isNotEqualTo(first);
    // one jar's archives share a prefix: a new one replaces the old
    String name = first.getFileName().toString();
    assertThat(rebuilt.getFileName().toString()).startsWith(name.substring(0, name.lastIndexOf('-') + 1));
  }
}
