package dev.stratus.template.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stratus.template.Template;
import dev.stratus.template.check.TemplateChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code golden/} holds {@code input.yaml} and the {@code expected.yaml} it must be written
 * as, byte for byte; the expected text must read back to the same template and write again unchanged.
 * Set {@code -Dgolden.update=true} to rewrite the goldens after a deliberate change, then review the diff.
 */
class GoldenTemplatesTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<Path> scenarios() throws IOException {
    return Files.list(GOLDEN).filter(Files::isDirectory).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void writesTheGoldenAndRoundTrips(Path scenario) throws IOException {
    Template template = TemplateYaml.read(Files.readString(scenario.resolve("input.yaml")));
    String written = TemplateYaml.write(template);
    Path expected = scenario.resolve("expected.yaml");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, written, StandardCharsets.UTF_8);
    }
    if (!Files.exists(expected)) {
      Path actual = Path.of("target/golden-actual").resolve(scenario.getFileName()).resolve("expected.yaml");
      Files.createDirectories(actual.getParent());
      Files.writeString(actual, written, StandardCharsets.UTF_8);
      fail("missing golden " + expected + "; the output was written to " + actual + " for review");
    }
    assertThat(written).isEqualTo(Files.readString(expected));

    Template reread = TemplateYaml.read(written);
    assertThat(reread).isEqualTo(template);
    assertThat(TemplateYaml.write(reread)).isEqualTo(written);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void goldensAreCleanTemplates(Path scenario) throws IOException {
    Template template = TemplateYaml.read(Files.readString(scenario.resolve("input.yaml")));
    assertThat(TemplateChecks.run(template, LocalDate.of(2026, 12, 2))).isEmpty();
  }
}
