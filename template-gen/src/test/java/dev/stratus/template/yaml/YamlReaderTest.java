package dev.stratus.template.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.template.Fn;
import dev.stratus.template.TemplateException;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.Value.Str;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

  @Test
  void shortAndLongFormsReadAsTheSameFunction() {
    assertThat(YamlReader.readValue("!Ref Bucket")).isEqualTo(YamlReader.readValue("{Ref: Bucket}"));
    assertThat(YamlReader.readValue("!GetAtt Bucket.Arn"))
        .isEqualTo(YamlReader.readValue("{'Fn::GetAtt': [Bucket, Arn]}"))
        .isEqualTo(Fn.getAtt("Bucket", "Arn"));
    assertThat(YamlReader.readValue("!Sub '${AWS::StackName}-x'")).isEqualTo(Fn.sub("${AWS::StackName}-x"));
    assertThat(YamlReader.readValue("!If [C, a, b]"))
        .isEqualTo(new Fn.If("C", new Str("a"), new Str("b")));
    assertThat(YamlReader.readValue("!Condition C")).isEqualTo(new Fn.Condition("C"));
  }

  @Test
  void unknownFunctionsAreKeptAsWritten() {
    Value v = YamlReader.readValue("{'Fn::Length': [a, b]}");
    assertThat(v).isInstanceOf(Fn.Other.class);
    assertThat(((Fn) v).function()).isEqualTo("Fn::Length");
    assertThat(YamlReader.readValue("!Length [a, b]")).isEqualTo(v);
  }

  @Test
  void scalarsKeepTheirYamlTypes() {
    Mapping m = (Mapping) YamlReader.readValue("a: 3600\nb: '3600'\nc: true\nd: 0.5\ne: 2010-09-09\nf: ~\ng: 0x1F");
    assertThat(m.get("a")).isEqualTo(Value.num(3600));
    assertThat(m.get("b")).isEqualTo(new Str("3600"));
    assertThat(m.get("c")).isEqualTo(Value.bool(true));
    assertThat(m.get("d")).isEqualTo(new Value.Num("0.5"));
    assertThat(m.get("e")).isEqualTo(new Str("2010-09-09"));
    assertThat(m.get("f")).isEqualTo(Value.Null.INSTANCE);
    assertThat(m.get("g")).isEqualTo(new Str("0x1F"));
  }

  @Test
  void syntaxErrorsCarryTheirLine() {
    assertThatThrownBy(() -> YamlReader.read("a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.line()).isEqualTo(3));
    assertThatThrownBy(() -> YamlReader.read("a: 1\nb:\n  c: d\n   e: f\n"))
        .isInstanceOfSatisfying(TemplateException.class, e -> {
          assertThat(e.line()).isEqualTo(4);
          assertThat(e.describe()).startsWith("line 4: ");
        });
  }

  @Test
  void duplicateKeysAreErrors() {
    assertThatThrownBy(() -> YamlReader.read("a: 1\na: 2\n"))
        .isInstanceOfSatisfying(TemplateException.class, e -> {
          assertThat(e.getMessage()).contains("duplicate key a");
          assertThat(e.line()).isEqualTo(2);
        });
  }

  @Test
  void malformedFunctionArgumentsSayWhatToWrite() {
    assertThatThrownBy(() -> YamlReader.read("x: !GetAtt BucketArn"))
        .hasMessageContaining("!GetAtt takes 'LogicalId.Attribute'");
    assertThatThrownBy(() -> YamlReader.read("x: !If [C, a]"))
        .hasMessageContaining("!If takes 3 items; got 2");
    assertThatThrownBy(() -> YamlReader.read("x: !Equals a"))
        .hasMessageContaining("!Equals takes a list");
  }

  @Test
  void recordsTheLineOfSections() {
    YamlReader.Document doc = YamlReader.read("Parameters:\n  A:\n    Type: String\nResources:\n  B:\n    Type: X\n");
    assertThat(doc.lineOf("Resources/B")).isEqualTo(5);
    assertThat(doc.lineOf("Parameters/A")).isEqualTo(2);
  }

  @Test
  void theLineOfAPathInsideText() {
    String text = "CorsConfiguration:\n  CorsRules:\n    - AllowedOrigins: ['*']\n      AllowedMethod: [GET]\n";
    assertThat(YamlReader.lineOf(text, List.of("CorsConfiguration", "CorsRules", "0", "AllowedMethod"))).isEqualTo(4);
    assertThat(YamlReader.lineOf(text, List.of("CorsConfiguration", "CorsRules", "0"))).isEqualTo(3);
    assertThat(YamlReader.lineOf(text, List.of("CorsConfiguration", "Nothing"))).isZero();
    assertThat(YamlReader.lineOf(text, List.of("CorsConfiguration", "CorsRules", "7"))).isZero();
    assertThat(YamlReader.lineOf("[unclosed", List.of("a"))).isZero();
  }
}
