package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.stratus.template.check.ResourceSpecs;
import dev.stratus.template.link.Linker;
import dev.stratus.template.link.Source;
import dev.stratus.template.yaml.TemplateYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every policy template the SAM translator knows, used as its documentation says, compiles clean; the template
 * it makes is written to {@code target/policy-corpus} for cfn-lint and the SAM translator (the build runs
 * {@code tools/check_template.py} on it). And one mistake in each is caught.
 */
class PolicyTemplateCorpusTest {
  private static final int PER_FUNCTION = 6;
  private static final Map<String, List<String>> TEMPLATES = ResourceSpecs.get().policyTemplates();

  /** A policy template with a value for each of its parameters, as one {@code policies} entry. */
  private static String correct(String name) {
    return "{" + name + ": {" + TEMPLATES.get(name).stream().map(p -> p + ": " + value(p))
        .collect(Collectors.joining(", ")) + "}}";
  }

  /** A name, or an ARN where the parameter is one: IAM checks the shape of the resources a statement names. */
  private static String value(String parameter) {
    String name = "example" + parameter.toLowerCase(java.util.Locale.ROOT);
    return parameter.endsWith("Arn") ? "arn:aws:service:us-east-1:123456789012:" + name : name;
  }

  private static JavaFileObject function(String name, List<String> policies) {
    String list = policies.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",\n    "));
    return Compile.handler(name, "@CfFunction(policies = {\n    " + list + "})\n@OnSchedule(\"rate(1 day)\")");
  }

  @Test
  void everyPolicyTemplateUsedCorrectlyCompilesCleanAndDeploys() throws IOException {
    assertThat(TEMPLATES).hasSizeGreaterThan(70);
    // A few templates a function: IAM takes about 10 KB of inline policy per role, the role SAM makes included.
    List<String> names = TEMPLATES.keySet().stream().sorted().toList();
    List<JavaFileObject> functions = new java.util.ArrayList<>();
    for (int i = 0; i < names.size(); i += PER_FUNCTION) {
      functions.add(function("Corpus" + i / PER_FUNCTION, names.subList(i, Math.min(i + PER_FUNCTION, names.size()))
          .stream().map(PolicyTemplateCorpusTest::correct).toList()));
    }
    Compilation c = Compile.compile(functions.toArray(JavaFileObject[]::new));
    assertThat(c).succeededWithoutWarnings();
    List<Source> fragments = new java.util.ArrayList<>();
    for (int k = 0; k < functions.size(); k++) {
      fragments.add(new Source("Corpus" + k, TemplateYaml.read(Compile.fragment(c, "com.example.Corpus" + k)
          .orElseThrow())));
    }
    Linker.Result linked = Linker.link(fragments, null, "app.jar",
        Linker.Options.defaults().withToday(LocalDate.parse(Compile.TODAY)));
    assertThat(linked.errors()).isEmpty();
    Path dir = Files.createDirectories(Path.of("target/policy-corpus"));
    Files.writeString(dir.resolve("template.yaml"), linked.yaml());
    Files.write(dir.resolve("app.jar"), new byte[0]);
  }

  static Stream<String> templates() {
    return TEMPLATES.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("templates")
  void oneMistakeInEachIsCaught(String name) {
    List<String> parameters = TEMPLATES.get(name);
    // A parameter misspelt where there are parameters, one too many where there are none.
    String mistaken = parameters.isEmpty() ? "{" + name + ": {Region: us-east-1}}"
        : correct(name).replaceFirst(parameters.get(0) + ":", parameters.get(0) + "s:");
    JavaFileObject src = function("Corpus", List.of(mistaken));
    Compilation c = Compile.compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[StratusInvalidPolicyTemplate] " + name + " has no parameter '"
        + (parameters.isEmpty() ? "Region" : parameters.get(0) + "s") + "'").inFile(src).onLineContaining(name);
  }
}
