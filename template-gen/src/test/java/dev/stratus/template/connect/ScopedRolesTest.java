package dev.stratus.template.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.yaml.TemplateYaml;
import org.junit.jupiter.api.Test;

/** The role Stratus writes for a function, and where it leaves SAM's (linked/scoped-roles has every event kind). */
class ScopedRolesTest {
  private static Template link(String yaml) {
    ScopedRoles.Result r = ScopedRoles.apply(TemplateYaml.read(yaml));
    assertThat(r.problems()).isEmpty();
    return r.template();
  }

  @Test
  void theFunctionsBoundaryAndConditionGoWithItsRole() {
    Template t = link("""
        Conditions:
          Live: !Equals [!Ref AWS::Region, us-east-1]
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Condition: Live
            Properties:
              PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
              LoggingConfig: {LogFormat: JSON}
        """);
    Resource role = t.resources().get("FnRole");
    assertThat(role.condition()).isEqualTo("Live");
    assertThat(role.properties().get("PermissionsBoundary")).isEqualTo(Value.str("arn:aws:iam::123456789012:policy/boundary"));
    assertThat(t.resources().get("FnLogGroup").condition()).isEqualTo("Live");
    Mapping fn = t.resources().get("Fn").properties();
    assertThat(fn.get("PermissionsBoundary")).isNull();
    assertThat(fn.get("Role")).isEqualTo(Fn.getAtt("FnRole", "Arn"));
    assertThat(fn.get("LoggingConfig")).isEqualTo(Mapping.builder().put("LogFormat", "JSON")
        .put("LogGroup", Fn.ref("FnLogGroup")).build());
    assertThat(t.parameters()).containsKey(ScopedRoles.RETENTION);
  }

  @Test
  void aPolicyTemplateIsExpandedAsTheTranslatorExpandsIt() {
    Template t = link("""
        Resources:
          Jobs: {Type: AWS::SQS::Queue}
          Templated:
            Type: AWS::Serverless::Function
            Properties: {Policies: [{SQSPollerPolicy: {QueueName: !GetAtt Jobs.QueueName}}]}
        """);
    Mapping policy = (Mapping) ((Value.Seq) t.resources().get("TemplatedRole").properties().get("Policies")).items()
        .get(0);
    Value first = ((Value.Seq) ((Mapping) policy.get("PolicyDocument")).get("Statement")).items().get(0);
    assertThat(((Mapping) first).get("Resource")).isEqualTo(new Fn.Sub(
        "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${queueName}",
        Mapping.builder().put("queueName", Fn.getAtt("Jobs", "QueueName")).build()));
  }

  @Test
  void aManagedPolicyNamedIsAttachedToTheRole() {
    Template t = link("""
        Resources:
          Managed:
            Type: AWS::Serverless::Function
            Properties: {Policies: [AWSLambdaExecute, arn:aws:iam::123456789012:policy/mine]}
        """);
    assertThat(t.resources().get("ManagedRole").properties().get("ManagedPolicyArns")).isEqualTo(Value.seq(
        Fn.sub("arn:${AWS::Partition}:iam::aws:policy/AWSLambdaExecute"),
        Value.str("arn:aws:iam::123456789012:policy/mine")));
  }

  @Test
  void aVpcARoleOfItsOwnOrWhatSamMustJudgeKeepsSamsRole() {
    Template t = link("""
        Resources:
          Owned:
            Type: AWS::Serverless::Function
            Properties: {Role: arn:aws:iam::123456789012:role/mine}
          Networked:
            Type: AWS::Serverless::Function
            Properties: {VpcConfig: {SecurityGroupIds: [sg-1], SubnetIds: [subnet-1]}}
          Incomplete:
            Type: AWS::Serverless::Function
            Properties: {Policies: [{SQSPollerPolicy: {}}]}
          Misnamed:
            Type: AWS::Serverless::Function
            Properties: {Policies: [AWSLambdaExecuteTypo]}
        """);
    assertThat(t.resources()).doesNotContainKeys("OwnedRole", "NetworkedRole", "IncompleteRole", "MisnamedRole");
    assertThat(t.parameters()).doesNotContainKey(ScopedRoles.RETENTION);
  }

  @Test
  void aRoleIamWouldRefuseAsTooLargeIsAnError() {
    StringBuilder statements = new StringBuilder();
    for (int i = 0; i < 120; i++) {
      statements.append("            - {Effect: Allow, Action: [s3:GetObject, s3:PutObject], Resource: !Sub '${B.Arn}/p")
          .append(i).append("/*'}\n");
    }
    ScopedRoles.Result r = ScopedRoles.apply(TemplateYaml.read("""
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Policies:
                - Statement:
        """ + statements));
    assertThat(r.problems()).extracting(Problem::diagnostic).containsExactly(Diagnostic.RolePolicyTooLarge);
    assertThat(r.problems().get(0).path()).containsExactly("Resources", "Fn");
    assertThat(r.problems().get(0).text()).startsWith("the role of Fn would hold about ").endsWith(" characters of"
        + " inline policy; IAM allows 10240 per role: give the function fewer uses (or fewer objects), or split it");
  }
}
