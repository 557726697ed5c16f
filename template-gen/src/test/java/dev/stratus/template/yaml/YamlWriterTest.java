package dev.stratus.template.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.Fn;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Str;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class YamlWriterTest {

  @ParameterizedTest
  @ValueSource(strings = {"True", "false", "yes", "No", "on", "OFF", "null", "~", "", "123", "-1", "0.5", "1e3",
      ".inf", "2010-09-09", " padded", "trailing ", "a: b", "a #b", "#x", "-x", "- x", "*", "&a", "!Ref X", "|", ">",
      "'q'", "\"d\"", "%", "@x", "`x", "{a}", "[a]", "x:", "tab\there", "line\nbreak", "two\n\nlines\n", "\n", "café",
      "✓ check", "\u0085", "a\rb", "ends with newline\n", " leading\nmulti"})
  void everyStringReadsBackAsItself(String text) {
    Mapping doc = Mapping.builder().put("k", new Str(text)).put("l", Value.seq(new Str(text), new Fn.Sub(text, Mapping.EMPTY))).build();
    String yaml = YamlWriter.write(doc);
    assertThat(YamlReader.readValue(yaml)).as(yaml).isEqualTo(doc);
  }

  @Test
  void plainWherePlainIsSafe() {
    assertThat(YamlWriter.scalar("AWS::S3::Bucket", false)).isEqualTo("AWS::S3::Bucket");
    assertThat(YamlWriter.scalar("${AWS::StackName}-files", false)).isEqualTo("${AWS::StackName}-files");
    assertThat(YamlWriter.scalar("True", false)).isEqualTo("'True'");
    assertThat(YamlWriter.scalar("it's", false)).isEqualTo("it's");
    assertThat(YamlWriter.scalar("a,b", true)).isEqualTo("'a,b'");
  }

  @Test
  void nestedSingleArgumentFunctionsUseTheLongFormForTheOuterOne() {
    Value v = new Fn.Base64(Fn.sub("echo ${AWS::Region}"));
    String yaml = YamlWriter.write(Mapping.builder().put("UserData", v).build());
    assertThat(yaml).isEqualTo("UserData: {Fn::Base64: !Sub 'echo ${AWS::Region}'}\n");
    assertThat(YamlReader.readValue(yaml)).isEqualTo(Mapping.builder().put("UserData", v).build());
  }

  @Test
  void longFunctionArgumentsGoToBlocks() {
    List<Value> many = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      many.add(new Str("item-number-" + i));
    }
    Value join = new Fn.Join(",", new Value.Seq(many));
    String yaml = YamlWriter.write(Mapping.builder().put("J", join).build());
    assertThat(yaml).startsWith("J: !Join\n  - ','\n  - - item-number-0\n");
    assertThat(YamlReader.readValue(yaml)).isEqualTo(Mapping.builder().put("J", join).build());
  }

  @Test
  void multiLineTextIsALiteralBlock() {
    String yaml = YamlWriter.write(Mapping.builder().put("Description", "first\nsecond\n").build());
    assertThat(yaml).isEqualTo("Description: |\n  first\n  second\n");
  }

  @Test
  void theSameInputGivesTheSameBytes() {
    Template t = TemplateYaml.read("Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: !Sub '${AWS::StackName}-b'}\n");
    assertThat(TemplateYaml.write(t)).isEqualTo(TemplateYaml.write(TemplateYaml.read(TemplateYaml.write(t))));
  }
}
