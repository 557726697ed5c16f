package dev.stratus.template.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.yaml.TemplateYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class GlobalsSectionsTest {

  private static List<String> problems(String globals) {
    String yaml = "Transform: AWS::Serverless-2016-10-31\nGlobals:\n" + globals.indent(2)
        + "Resources:\n  Q: {Type: AWS::SQS::Queue}\n";
    return new GlobalsSections().run(TemplateIndex.of(TemplateYaml.read(yaml))).stream().map(Problem::describe)
        .toList();
  }

  @Test
  void whatSamAppliesPasses() {
    assertThat(problems("""
        Function: {MemorySize: 512, Timeout: 30, Runtime: java21, Architectures: [arm64],
                   Environment: {Variables: {STAGE: prod}}, Tracing: Active}
        Api: {Cors: "'*'", EndpointConfiguration: REGIONAL}
        HttpApi: {CorsConfiguration: {AllowOrigins: ['*']}}
        SimpleTable: {SSESpecification: {SSEEnabled: true}}
        """)).isEmpty();
  }

  @Test
  void valuesAreCheckedAgainstTheSchemaOfWhatTheyApplyTo() {
    // Runtimes have a check of their own (with their end of life), not the schema's enumeration.
    assertThat(problems("Function: {MemorySize: big, Runtime: java22, Architectures: [arm]}\n")).containsExactly(
        "[StratusInvalidPropertyValue] Globals/Function/MemorySize: MemorySize must be an integer; got 'big'",
        "[StratusInvalidPropertyValue] Globals/Function/Architectures/0: Architectures 'arm' is not one of arm64,"
            + " x86_64");
  }

  @Test
  void onlyWhatSamAppliesFromASection() {
    assertThat(problems("Function: {Policies: [AWSLambdaBasicExecutionRole], Timout: 3}\nFunctions: {Timeout: 3}\n"))
        .containsExactly(
            "[StratusInvalidGlobals] Globals/Function/Policies: Globals/Function cannot set 'Policies'; SAM applies"
                + " only " + String.join(", ", ResourceSpecs.get().globalsSections().get("Function")) + " from there",
            "[StratusInvalidGlobals] Globals/Function/Timout: Globals/Function cannot set 'Timout'; did you mean"
                + " 'Timeout'?; SAM applies only " + String.join(", ", ResourceSpecs.get().globalsSections()
                .get("Function")) + " from there",
            "[StratusInvalidGlobals] Globals/Functions: Globals has no section 'Functions'; did you mean 'Function'?;"
                + " SAM takes Api, CapacityProvider, Function, HttpApi, LayerVersion, SimpleTable, StateMachine,"
                + " WebSocketApi");
  }
}
