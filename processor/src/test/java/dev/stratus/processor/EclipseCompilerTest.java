package dev.stratus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Eclipse compiler, which Eclipse and VS Code Java run processors in, compiles each scenario with the
 * processor, and what the processor generates draws no warning: Eclipse's defaults (unused imports, locals
 * and private members, needless {@code @SuppressWarnings}) and more. Boxing and unread parameters, which
 * Eclipse ignores by default, are left off: the one {@code call} method of a class has the same parameters
 * whatever its methods use. {@code -processorpath} comes after {@code -cp}: before it, ECJ ignores it (Eclipse
 * bug 573833).
 */
class EclipseCompilerTest {
  @TempDir Path out;

  static Stream<Path> scenarios() throws IOException {
    return ScenarioTest.scenarios();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void compilesTheGeneratedCodeWithoutAWarning(Path scenario) throws IOException {
    Path generated = out.resolve("generated");
    String classpath = System.getProperty("java.class.path");
    List<String> args = new ArrayList<>(List.of("-17", "-encoding", "UTF-8",
        "-warn:+unusedAllocation,+unusedThrown,+unusedExceptionParam,+uselessTypeCheck,+redundantSuperinterface,"
            + "+unnecessaryElse,+allDeprecation,+warningToken",
        "-cp", classpath, "-processorpath", classpath, "-proc:full",
        "-A" + StratusProcessor.TODAY_OPTION + "=" + Compile.TODAY,
        "-d", out.resolve("classes").toString(), "-s", generated.toString()));
    try (Stream<Path> files = Files.walk(scenario.resolve("src"))) {
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(f -> args.add(f.toString()));
    }
    StringWriter messages = new StringWriter();
    boolean compiled = BatchCompiler.compile(args.toArray(String[]::new), new PrintWriter(messages),
        new PrintWriter(messages), null);

    assertThat(compiled).as(messages.toString()).isTrue();
    assertThat(messages.toString()).as("problems in generated code").doesNotContain(generated.toString());
    if (scenario.endsWith("typed-methods")) {
      try (Stream<Path> files = Files.walk(generated)) {
        assertThat(files.map(f -> f.getFileName().toString())).contains("Products_Lambda.java", "Product_Codec.java");
      }
    }
  }
}
