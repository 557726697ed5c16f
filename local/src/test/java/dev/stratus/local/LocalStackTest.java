package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.template.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStackTest {
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Mode: {Type: String, Default: 'False', AllowedValues: ['True', 'False']}
        Stage: {Type: String, Default: dev}
        Name: {Type: String}
      Conditions:
        Expiring: !Equals [!Ref Mode, 'False']
        NotExpiring: !Not [!Condition Expiring]
      Resources:
        Files: {Type: AWS::S3::Bucket, Properties: {BucketName: !Sub '${Name}-${Stage}'}}
        Table: {Type: AWS::DynamoDB::Table}
        Sweeper: {Type: AWS::SQS::Queue, Condition: Expiring}
      """;

  private static LocalStack stack(Path dir, Map<String, String> parameters) throws IOException {
    Path file = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    return LocalStack.load(file, parameters, "it");
  }

  @Test
  void parametersConditionsAndNames(@TempDir Path dir) throws IOException {
    LocalStack s = stack(dir, Map.of("Name", "files"));
    assertThat(s.parameters).containsEntry("Mode", "False").containsEntry("Stage", "dev");
    assertThat(s.resources).containsOnlyKeys("Files", "Table", "Sweeper");
    assertThat(s.physicalName("Files")).isEqualTo("files-dev");
    assertThat(s.physicalName("Table")).isEqualTo("it-Table");
    assertThat(s.evaluate(YamlReader.readValue("!GetAtt Table.Arn")))
        .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/it-Table");
    assertThat(s.evaluate(YamlReader.readValue("!If [NotExpiring, a, !Ref AWS::NoValue]"))).isSameAs(LocalStack.NO_VALUE);
    assertThat(s.evaluate(YamlReader.readValue("{A: !Join ['-', [!Ref AWS::Region, !Select [1, !Split [',', 'x,y']]]], "
        + "B: !If [Expiring, !Ref AWS::NoValue, c]}"))).isEqualTo(Map.of("A", "us-east-1-y"));
  }

  @Test
  void conditionsDecideWhichResourcesExist(@TempDir Path dir) throws IOException {
    LocalStack s = stack(dir, Map.of("Mode", "True", "Name", "n"));
    assertThat(s.resources).containsOnlyKeys("Files", "Table");
  }

  @Test
  void aParameterWithoutDefaultGetsALocalValueAndANotice(@TempDir Path dir) throws IOException {
    LocalStack s = stack(dir, Map.of());
    assertThat(s.parameters).containsEntry("Name", "it-name");
    assertThat(s.notices).containsExactly("parameter Name has no default; using 'it-name' (set --parameter Name=...)");
  }

  @Test
  void mistakesAreClearErrors(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> stack(dir, Map.of("Mode", "Maybe")))
        .hasMessage("parameter Mode is 'Maybe'; allowed: True, False");
    assertThatThrownBy(() -> stack(dir, Map.of("Nope", "x")))
        .hasMessage("--parameter Nope: the template has no such parameter; it has Mode, Stage, Name");
    assertThatThrownBy(() -> LocalStack.load(dir.resolve("missing.yaml"), Map.of(), "it"))
        .hasMessageStartingWith("no template at " + dir.resolve("missing.yaml"));
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "Resources: [\n");
    assertThatThrownBy(() -> LocalStack.load(broken, Map.of(), "it")).hasMessageStartingWith(broken + ":2:1: ");
  }

  @Test
  void routesPreferLiteralSegments() {
    Route literal = Route.of("GET", "/files/all", "A", "Api", false, "dev", null, Authorizer.OPEN);
    Route param = Route.of("get", "/files/{id}", "B", "Api", false, "dev", null, Authorizer.OPEN);
    Route greedy = Route.of("ANY", "/{proxy+}", "C", "Api", false, "dev", null, Authorizer.OPEN);
    assertThat(List.of(greedy, param, literal).stream()
        .sorted(java.util.Comparator.comparingInt(Route::specificity).reversed()).map(Route::function))
        .containsExactly("A", "B", "C");
    assertThat(param.match("/files/abc")).containsEntry("id", "abc");
    assertThat(greedy.match("/a/b/c")).containsEntry("proxy", "a/b/c");
    assertThat(param.match("/files/a/b")).isNull();
    assertThat(greedy.matchesMethod("DELETE")).isTrue();
    assertThat(param.matchesMethod("GET")).isTrue();
  }

  @Test
  void s3SubscriptionsFilterByEventPrefixAndSuffix() {
    LocalServer.S3Subscription s = new LocalServer.S3Subscription("Fn", "files", List.of("s3:ObjectCreated:*"),
        "uploads/", ".txt", "Upload");
    assertThat(s.matches(new NotifyingBlobStore.Change("ObjectCreated:Put", "files", "uploads/a.txt", 1, null))).isTrue();
    assertThat(s.matches(new NotifyingBlobStore.Change("ObjectRemoved:Delete", "files", "uploads/a.txt", 0, null))).isFalse();
    assertThat(s.matches(new NotifyingBlobStore.Change("ObjectCreated:Put", "files", "other/a.txt", 1, null))).isFalse();
    assertThat(s.matches(new NotifyingBlobStore.Change("ObjectCreated:Put", "files", "uploads/a.png", 1, null))).isFalse();
    assertThat(s.matches(new NotifyingBlobStore.Change("ObjectCreated:Put", "other", "uploads/a.txt", 1, null))).isFalse();
    LocalServer.S3Subscription exact = new LocalServer.S3Subscription("Fn", "files",
        List.of("s3:ObjectCreated:Copy"), "", "", "Copy");
    assertThat(exact.matches(new NotifyingBlobStore.Change("ObjectCreated:Copy", "files", "k", 1, null))).isTrue();
    assertThat(exact.matches(new NotifyingBlobStore.Change("ObjectCreated:Put", "files", "k", 1, null))).isFalse();
  }
}
