package dev.stratus.template.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.yaml.TemplateYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutesTest {

  private static List<String> problems(String resources) {
    String yaml = "Transform: AWS::Serverless-2016-10-31\nResources:\n" + resources.indent(2);
    return new Routes().run(TemplateIndex.of(TemplateYaml.read(yaml))).stream().map(Problem::describe).toList();
  }

  private static String function(String id, String events) {
    return id + ":\n  Type: AWS::Serverless::Function\n  Properties:\n    Handler: a.B::handleRequest\n    Events:\n"
        + events.indent(6);
  }

  @Test
  void distinctRoutesPass() {
    assertThat(problems(function("A", """
        List: {Type: Api, Properties: {Path: /products, Method: get}}
        One: {Type: Api, Properties: {Path: '/products/{id}', Method: get}}
        """) + function("B", """
        Put: {Type: Api, Properties: {Path: '/products/{id}', Method: put}}
        Same: {Type: HttpApi, Properties: {Path: /products, Method: get}}
        Photos: {Type: Api, Properties: {Path: '/products/{id}/photos/{photoId}', Method: get}}
        """))).isEmpty();
  }

  @Test
  void theSameRouteTwiceNamesBothFunctions() {
    assertThat(problems(function("ListFunction", "Get: {Type: Api, Properties: {Path: /products, Method: get}}")
        + function("OtherFunction", "Get: {Type: Api, Properties: {Path: /products, Method: GET}}"))).containsExactly(
        "[StratusDuplicateRoute] Resources/OtherFunction/Properties/Events/Get: GET /products on ServerlessRestApi is"
            + " served twice: by ListFunction (event Get) and by OtherFunction (event Get); remove one or change its"
            + " method or path");
  }

  @Test
  void siblingParametersMustShareTheirName() {
    assertThat(problems(function("A", "One: {Type: Api, Properties: {Path: '/products/{productId}', Method: get}}")
        + function("B", "Del: {Type: Api, Properties: {Path: '/products/{id}/tags', Method: delete}}"))).containsExactly(
        "[StratusConflictingPathParameters] Resources/B/Properties/Events/Del: /products/{id}/tags (B) and"
            + " /products/{productId} (A) name the same path segment differently; API Gateway takes one name per"
            + " segment: write {productId} in both");
  }

  @Test
  void anyNextToAMethodIsAWarning() {
    assertThat(problems(function("All", "Any: {Type: HttpApi, Properties: {Path: /files, Method: any}}")
        + function("Get", "Get: {Type: HttpApi, Properties: {Path: /files, Method: get}}"))).containsExactly(
        "[StratusOverlappingRoutes] Resources/All/Properties/Events/Any: ANY /files (All) and GET /files (Get) overlap"
            + " on ServerlessHttpApi: API Gateway sends GET to Get and every other method to All; drop one or give"
            + " them different paths if that is not intended");
  }

  @Test
  void anApiKeyNeedsAUsagePlan() {
    String keyed = function("Store", "Put: {Type: Api, Properties: {Path: /files, Method: put, RestApiId: !Ref Backend,"
        + " Auth: {ApiKeyRequired: true}}}");
    assertThat(problems("Backend: {Type: AWS::Serverless::Api, Properties: {StageName: prod}}\n" + keyed))
        .containsExactly("[StratusApiKeyWithoutUsagePlan] Resources/Store/Properties/Events/Put: Store requires an API"
            + " key on PUT /files, but no usage plan serves Backend, so no key can call it: add an"
            + " AWS::ApiGateway::UsagePlan with ApiStages [{ApiId: !Ref Backend, Stage: …}] and a UsagePlanKey, or"
            + " Auth: {UsagePlan: {CreateUsagePlan: PER_API}} on the API");
    assertThat(problems("Backend: {Type: AWS::Serverless::Api, Properties: {StageName: prod}}\n"
        + "Plan: {Type: AWS::ApiGateway::UsagePlan, Properties: {ApiStages: [{ApiId: !Ref Backend, Stage: prod}]}}\n"
        + keyed)).isEmpty();
    assertThat(problems("Backend: {Type: AWS::Serverless::Api, Properties: {StageName: prod,"
        + " Auth: {UsagePlan: {CreateUsagePlan: PER_API}}}}\n" + keyed)).isEmpty();
  }
}
