package dev.stratus.template.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.template.TemplateException;
import dev.stratus.template.check.TemplateChecks;
import dev.stratus.template.diagnostics.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateFileTest {
  private static final String BASE = """
      Parameters:
        Stage: {Type: String}
      Resources:
        Alarm:
          Type: AWS::CloudWatch::Alarm
          Properties:
            ComparisonOperator: GreaterThanThreshold
            EvaluationPeriods: 1
            Threshold: 1
            Dimensions:
              - Name: FunctionName
                Valu: x
      """;

  @Test
  void aBrokenFileIsReportedWithItsNameLineAndColumn(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("template.yaml"), "Resources:\n  A: {Type: x\n  B: y\n");
    assertThatThrownBy(() -> TemplateFile.read(file))
        .isInstanceOf(TemplateException.class)
        .hasMessageStartingWith(file + ":3:4: ");
  }

  @Test
  void aProblemInTheFileIsLedByItsLineAndColumnWithListIndexesKept(@TempDir Path dir) throws IOException {
    TemplateFile base = TemplateFile.read(Files.writeString(dir.resolve("template.yaml"), BASE));
    List<Problem> problems = TemplateChecks.run(base.template(), LocalDate.of(2026, 12, 2));
    assertThat(problems).extracting(base::describe).contains(base.file() + ":12:11: [StratusUnknownProperty]"
        + " Resources/Alarm/Properties/Dimensions/0/Valu: Dimension has no property 'Valu'; did you mean 'Value'?;"
        + " it has Name, Value");
  }

  @Test
  void aMissingKeyPointsAtTheMappingThatLacksItAndOtherPartsAreNotClaimed(@TempDir Path dir) throws IOException {
    TemplateFile base = TemplateFile.read(Files.writeString(dir.resolve("template.yaml"), BASE));
    assertThat(base.locate(List.of("Resources", "Alarm", "Properties", "MetricName"))).isEqualTo(base.file() + ":6:5");
    assertThat(base.locate(List.of("Parameters", "Stage", "Type"))).isEqualTo(base.file() + ":2:11");
    assertThat(base.locate(List.of("Resources", "HelloFunction", "Properties"))).isNull();
    assertThat(base.locate(List.of())).isNull();
  }
}
