package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.stratus.template.connect.Permissions;
import dev.stratus.template.link.FragmentFile;
import dev.stratus.template.link.Linker;
import dev.stratus.template.link.Source;
import dev.stratus.template.yaml.TemplateYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each folder under {@code scenarios/} is a small project: {@code src/} is compiled with the processor;
 * {@code expected/fragments/} holds the fragment of each annotated type, {@code expected/template.yaml}
 * the linked template and {@code expected/permissions.md} its permissions report, byte for byte. {@code -Dgolden.update=true} rewrites them for review.
 */
class ScenarioTest {
  static final Path SCENARIOS = Path.of("src/test/resources/scenarios");
  static final String CODE_URI = "s3://stratus-examples/app.jar";

  static Stream<Path> scenarios() throws IOException {
    return Files.list(SCENARIOS).filter(Files::isDirectory).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void compilesCleanAndWritesTheGoldens(Path scenario) throws IOException {
    List<JavaFileObject> sources = new ArrayList<>();
    try (Stream<Path> files = Files.walk(scenario.resolve("src"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        sources.add(JavaFileObjects.forResource(file.toUri().toURL()));
      }
    }
    Compilation compilation = Compile.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();

    List<Source> fragments = new ArrayList<>();
    try (Stream<Path> expected = Files.list(scenario.resolve("expected/fragments"))) {
      for (Path golden : expected.sorted().toList()) {
        String name = golden.getFileName().toString().replaceFirst("\\.yaml$", "");
        String actual = Compile.fragment(compilation, name).orElseThrow(() -> new AssertionError("no fragment for " + name));
        compare(golden, actual);
        fragments.add(new Source(name, TemplateYaml.read(actual)));
      }
    }
    String written = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, FragmentFile.PATH).orElseThrow()
        .getCharContent(true).toString();
    assertThat(FragmentFile.read(written, FragmentFile.PATH)).as("fragments written").hasSameSizeAs(fragments);

    Linker.Result linked = Linker.link(fragments, null, CODE_URI,
        Linker.Options.defaults().withToday(java.time.LocalDate.parse(Compile.TODAY)));
    assertThat(linked.errors()).isEmpty();
    compare(scenario.resolve("expected/template.yaml"), linked.yaml());
    compare(scenario.resolve("expected/permissions.md"), Permissions.markdown(linked.template()));

    // The glue generated for typed methods, one golden per class; a scenario without them generates none.
    Path glue = scenario.resolve("expected/sources");
    List<JavaFileObject> generated = compilation.generatedSourceFiles();
    if (Boolean.getBoolean("golden.update") && !generated.isEmpty()) {
      Files.createDirectories(glue);
    }
    List<String> names = new ArrayList<>();
    for (JavaFileObject file : generated) {
      String name = Path.of(file.toUri().getPath()).getFileName().toString();
      names.add(name);
      compare(glue.resolve(name), file.getCharContent(true).toString());
    }
    if (Files.isDirectory(glue)) {
      try (Stream<Path> expected = Files.list(glue)) {
        assertThat(names).as("generated sources").containsExactlyInAnyOrderElementsOf(
            expected.map(f -> f.getFileName().toString()).toList());
      }
    }
  }

  private static void compare(Path golden, String actual) {
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      if (!Files.exists(golden)) {
        fail("missing golden " + golden + "; expected it to hold:\n" + actual);
      }
      assertThat(actual).as(golden.toString()).isEqualTo(Files.readString(golden));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
