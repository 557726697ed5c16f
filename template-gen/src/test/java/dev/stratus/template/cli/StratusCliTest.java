package dev.stratus.template.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StratusCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final StratusCli cli = new StratusCli(new PrintStream(out, true, StandardCharsets.UTF_8),
      new PrintStream(err, true, StandardCharsets.UTF_8));

  @Test
  void mergeWritesTheTemplate(@TempDir Path dir) throws IOException {
    Path fragment = Files.writeString(dir.resolve("f.yaml"),
        "Resources:\n  F:\n    Type: AWS::Serverless::Function\n    Properties: {Handler: a.B::handleRequest, Runtime: java21}\n");
    // F has no event: a warning, printed, that does not fail the merge.
    Path base = Files.writeString(dir.resolve("base.yaml"), "Description: demo\n");
    Path output = dir.resolve("template.yaml");
    assertThat(cli.run("merge", "--base", base.toString(), "--code-uri", "app.jar", "-o", output.toString(),
        fragment.toString())).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("warning: [StratusFunctionWithoutEvents] Resources/F: ");
    assertThat(Files.readString(output)).contains("Description: demo\n").contains("CodeUri: app.jar\n")
        .contains("Transform: AWS::Serverless-2016-10-31\n");
  }

  @Test
  void validateReportsProblemsAndExitsOne(@TempDir Path dir) throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), "Resources:\n  A: {Type: AWS::SQS::Queue, DependsOn: B}\n"
        + "Outputs:\n  Q: {Value: !Ref A}\n");
    assertThat(cli.run("validate", t.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .isEqualTo("error: " + t + ":2:30: [StratusUnknownReference] Resources/A/DependsOn: DependsOn 'B' names no"
            + " resource\n");
  }

  @Test
  void printNormalises(@TempDir Path dir) throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), "{\"Resources\": {\"A\": {\"Type\": \"AWS::SQS::Queue\"}}}");
    assertThat(cli.run("print", t.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("Resources:\n  A:\n    Type: AWS::SQS::Queue\n");
  }

  @Test
  void usageMistakesExitTwo() {
    assertThat(cli.run()).isEqualTo(2);
    assertThat(cli.run("frobnicate")).isEqualTo(2);
    assertThat(cli.run("merge", "--base")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("usage: stratus merge");
  }

  @Test
  void brokenInputIsAnErrorNotAStackTrace(@TempDir Path dir) throws IOException {
    Path t = Files.writeString(dir.resolve("t.yaml"), "Resources: [\n");
    assertThat(cli.run("print", t.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: " + t + ":2:1: ");
  }
}
