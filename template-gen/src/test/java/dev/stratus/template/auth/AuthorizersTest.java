package dev.stratus.template.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.stratus.template.link.Linker;
import dev.stratus.template.link.Source;
import dev.stratus.template.yaml.TemplateYaml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code linked/} holds an {@code input.yaml} as fragments carry authorizers, and the
 * {@code expected.yaml} the link step makes of it, byte for byte (the build runs cfn-lint and the SAM translator
 * on it). {@code -Dgolden.update=true} rewrites them for review.
 */
class AuthorizersTest {
  static final Path LINKED = Path.of("src/test/resources/linked");

  static Stream<Path> cases() throws IOException {
    return Files.list(LINKED).filter(Files::isDirectory).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void linksTheGolden(Path dir) throws IOException {
    Source input = new Source("input", TemplateYaml.read(Files.readString(dir.resolve("input.yaml"))));
    Linker.Result linked = Linker.link(List.of(input), null, "s3://stratus-examples/app.jar",
        Linker.Options.defaults().withToday(LocalDate.of(2026, 12, 2)));
    assertThat(linked.problems()).isEmpty();
    Path expected = dir.resolve("expected.yaml");
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(expected, linked.yaml(), StandardCharsets.UTF_8);
    }
    if (!Files.exists(expected)) {
      fail("missing golden " + expected + "; run with -Dgolden.update=true and review it");
    }
    assertThat(linked.yaml()).isEqualTo(Files.readString(expected));
  }
}
