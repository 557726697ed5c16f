package dev.stratus.template.link;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.yaml.TemplateYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergerTest {
  private static Source source(String name, String yaml) {
    return new Source(name, TemplateYaml.read(yaml));
  }

  @Test
  void keepsEverySourcesContentInOrder() {
    Merger.Result r = Merger.merge(List.of(
        source("base.yaml", "Description: mine\nParameters:\n  P: {Type: String}\nGlobals:\n  Function: {Timeout: 10}\n"
            + "Resources:\n  B: {Type: AWS::S3::Bucket}\n"),
        source("a.Fn", "Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function: {MemorySize: 512}\n"
            + "Resources:\n  F: {Type: AWS::SQS::Queue}\n")));
    assertThat(r.problems()).isEmpty();
    assertThat(r.template().description()).isEqualTo("mine");
    assertThat(r.template().resources()).containsOnlyKeys("B", "F");
    assertThat(r.template().isServerless()).isTrue();
    assertThat(TemplateYaml.write(r.template())).contains("Globals:\n  Function:\n    Timeout: 10\n    MemorySize: 512\n");
  }

  @Test
  void aNameDefinedTwiceNamesBothPlaces() {
    Merger.Result r = Merger.merge(List.of(
        source("src/main/cloudformation/template.yaml", "Resources:\n  Files: {Type: AWS::S3::Bucket}\n"),
        source("com.example.Storage", "Resources:\n  Files: {Type: AWS::DynamoDB::Table}\n"),
        source("com.example.A", "Globals:\n  Function: {Timeout: 3}\n"),
        source("com.example.B", "Globals:\n  Function: {Timeout: 4}\n")));
    assertThat(r.problems()).extracting(Problem::describe).containsExactly(
        "[StratusDuplicateId] Resources/Files: 'Files' is defined twice in Resources: in "
            + "src/main/cloudformation/template.yaml and in com.example.Storage; rename one or remove the other",
        "[StratusDuplicateId] Globals/Function/Timeout: 'Timeout' is defined twice in Globals/Function: in "
            + "com.example.A and in com.example.B; rename one or remove the other");
    assertThat(r.template().resources().get("Files").type()).isEqualTo("AWS::S3::Bucket");
  }

  @Test
  void aGlobalsSectionMustBeAMapping() {
    Merger.Result r = Merger.merge(List.of(source("a", "Globals:\n  Function: 10\n")));
    assertThat(r.problems()).extracting(Problem::describe)
        .containsExactly("[StratusInvalidGlobals] Globals/Function: Globals/Function must be a mapping of properties");
  }
}
