package dev.stratus.template.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.Value;
import dev.stratus.template.yaml.TemplateYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkerTest {
  /** SAM's roles, so that these tests show the merge alone; linked/scoped-roles shows the roles Stratus writes. */
  private static final Linker.Options OPTIONS = new Linker.Options(false, java.time.LocalDate.of(2026, 12, 2), true);

  private static final String FUNCTION = """
      Resources:
        HelloFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: com.example.HelloHandler::handleRequest
            Runtime: java21
            MemorySize: 512
            Events:
              Tick: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
      """;

  @Test
  void addsTheTransformAndPointsFunctionsAtTheArtifact() {
    Linker.Result r = Linker.link(
        List.of(new Source("com.example.HelloHandler", TemplateYaml.read(FUNCTION))), null, "app-1.0.jar", OPTIONS);
    assertThat(r.errors()).isEmpty();
    assertThat(r.yaml()).isEqualTo("""
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          HelloFunction:
            Type: AWS::Serverless::Function
            Properties:
              Handler: com.example.HelloHandler::handleRequest
              Runtime: java21
              CodeUri: app-1.0.jar
              MemorySize: 512
              Events:
                Tick:
                  Type: Schedule
                  Properties:
                    Schedule: rate(1 day)
        """);
  }

  @Test
  void keepsTheBaseTemplatesOwnCodeUriAndReportsConflicts() {
    Source base = new Source("template.yaml", TemplateYaml.read("""
        Resources:
          Legacy:
            Type: AWS::Serverless::Function
            Properties: {Handler: x.Y::handleRequest, Runtime: java21, CodeUri: s3://bucket/legacy.jar}
          HelloFunction: {Type: AWS::S3::Bucket}
        """));
    Linker.Result r = Linker.link(
        List.of(new Source("com.example.HelloHandler", TemplateYaml.read(FUNCTION))), base, "app.jar", OPTIONS);
    assertThat(r.template().resources().get("Legacy").properties().get("CodeUri"))
        .isEqualTo(new Value.Str("s3://bucket/legacy.jar"));
    assertThat(r.errors()).containsExactly("[StratusDuplicateId] Resources/HelloFunction: 'HelloFunction' is defined "
        + "twice in Resources: in template.yaml and in com.example.HelloHandler; rename one or remove the other");
  }

  @Test
  void aTemplateOverAMegabyteIsAnErrorUnlessLimitsAreWarnings() {
    String big = "x".repeat(1_000_100);
    Source fragment = new Source("Big", TemplateYaml.read("Resources:\n  Q: {Type: AWS::SQS::Queue, Metadata: {Note: " + big + "}}\n"
        + "Outputs:\n  Url: {Value: !Ref Q}\n"));
    Linker.Result r = Linker.link(List.of(fragment), null, null, OPTIONS);
    assertThat(r.errors()).singleElement().asString().matches(
        "\\[StratusLimitExceeded\\] : the template is 1000\\d{3} bytes; CloudFormation allows 1000000 \\(\\d{3} too many\\): split the stack");
    assertThat(Linker.link(List.of(fragment), null, null, OPTIONS.withLimitsAsWarnings(true)).ok()).isTrue();
  }
}
