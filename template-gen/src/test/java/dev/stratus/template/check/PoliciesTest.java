package dev.stratus.template.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.yaml.TemplateYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoliciesTest {

  private static List<String> problems(String policies) {
    String yaml = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Table: {Type: AWS::DynamoDB::Table}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B::handleRequest
              Policies:
        """ + policies.indent(8);
    return new Policies().run(TemplateIndex.of(TemplateYaml.read(yaml))).stream().map(Problem::describe).toList();
  }

  @Test
  void wellFormedPoliciesOfEveryKindPass() {
    assertThat(problems("""
        - DynamoDBCrudPolicy: {TableName: !Ref Table}
        - AMIDescribePolicy: {}
        - SQSPollerPolicy: {QueueName: orders}
        - AWSLambdaBasicExecutionRole
        - arn:aws:iam::123456789012:policy/mine
        - !Ref AWS::NoValue
        - Version: '2012-10-17'
          Statement:
            - {Effect: Allow, Action: 's3:GetObject', Resource: '*'}
        - Statement: {Sid: One, Effect: Deny, NotAction: 'iam:*', NotResource: '*', Condition: {}}
        """)).isEmpty();
  }

  @Test
  void aMisspeltTemplateIsNamedWithTheClosestOne() {
    assertThat(problems("- DynamoDBCrudPolicyy: {TableName: !Ref Table}\n")).containsExactly(
        "[StratusUnknownPolicyTemplate] Resources/Fn/Properties/Policies/0: 'DynamoDBCrudPolicyy' is not a SAM policy"
            + " template; did you mean 'DynamoDBCrudPolicy'?; a policy is a policy template such as"
            + " {DynamoDBCrudPolicy: {TableName: !Ref Table}}, a managed policy name or ARN, or a statement document"
            + " {Statement: [...]}");
  }

  @Test
  void parametersAreTheTemplatesOwn() {
    assertThat(problems("""
        - DynamoDBReadPolicy: {Table: !Ref Table}
        - S3ReadPolicy: {}
        - SQSSendMessagePolicy: {QueueName: [a, b]}
        - AMIDescribePolicy: {Region: us-east-1}
        - S3CrudPolicy: my-bucket
        """)).containsExactly(
        "[StratusInvalidPolicyTemplate] Resources/Fn/Properties/Policies/0/DynamoDBReadPolicy/Table: DynamoDBReadPolicy"
            + " has no parameter 'Table'; did you mean 'TableName'?; it takes TableName",
        "[StratusInvalidPolicyTemplate] Resources/Fn/Properties/Policies/1/S3ReadPolicy: S3ReadPolicy needs parameter"
            + " BucketName: write {S3ReadPolicy: {BucketName: …}}",
        "[StratusInvalidPolicyTemplate] Resources/Fn/Properties/Policies/2/SQSSendMessagePolicy/QueueName: parameter"
            + " QueueName of SQSSendMessagePolicy must be a name or an intrinsic function (!Ref, !Sub, …); got a list",
        "[StratusInvalidPolicyTemplate] Resources/Fn/Properties/Policies/3/AMIDescribePolicy/Region: AMIDescribePolicy"
            + " has no parameter 'Region'; it takes none: write {AMIDescribePolicy: {}}",
        "[StratusInvalidPolicyTemplate] Resources/Fn/Properties/Policies/4/S3CrudPolicy: S3CrudPolicy takes its"
            + " parameters as a mapping: write {S3CrudPolicy: {BucketName: …}}");
  }

  @Test
  void aTemplateNamedAloneAndAnUnknownManagedPolicy() {
    assertThat(problems("- DynamoDBCrudPolicy\n- AWSLambdaBasicExecutionRol\n")).containsExactly(
        "[StratusInvalidPolicyTemplate] Resources/Fn/Properties/Policies/0: 'DynamoDBCrudPolicy' is a SAM policy"
            + " template, not a managed policy: write {DynamoDBCrudPolicy: {TableName: …}}",
        "[StratusUnknownManagedPolicy] Resources/Fn/Properties/Policies/1: 'AWSLambdaBasicExecutionRol' is not an AWS"
            + " managed policy SAM knows; did you mean 'AWSLambdaBasicExecutionRole'?; name your own policy by its ARN");
  }

  @Test
  void statementDocumentsHaveTheirShape() {
    assertThat(problems("""
        - Statement:
            - {Effect: Allowed, Action: 's3:GetObject', Resources: '*'}
            - {Action: 's3:PutObject', Resource: '*'}
        - Statement: everything
        """)).containsExactly(
        "[StratusInvalidPolicyDocument] Resources/Fn/Properties/Policies/0/Statement/0/Resources: a policy statement"
            + " has no key 'Resources'; did you mean 'Resource'?; it has Sid, Effect, Action, NotAction, Resource,"
            + " NotResource, Principal, NotPrincipal, Condition",
        "[StratusInvalidPolicyDocument] Resources/Fn/Properties/Policies/0/Statement/0/Effect: Effect 'Allowed' is"
            + " neither Allow nor Deny",
        "[StratusInvalidPolicyDocument] Resources/Fn/Properties/Policies/0/Statement/0: a policy statement needs"
            + " Resource (or NotResource)",
        "[StratusInvalidPolicyDocument] Resources/Fn/Properties/Policies/0/Statement/1: a policy statement needs"
            + " Effect: Allow (or Deny)",
        "[StratusInvalidPolicyDocument] Resources/Fn/Properties/Policies/1/Statement: Statement must be a list of"
            + " statements or one statement mapping; got 'everything'");
  }

  @Test
  void aMappingOfSeveralKeysIsNoPolicy() {
    assertThat(problems("- {S3ReadPolicy: {BucketName: b}, S3WritePolicy: {BucketName: b}}\n")).containsExactly(
        "[StratusUnknownPolicyTemplate] Resources/Fn/Properties/Policies/0: 'S3ReadPolicy, S3WritePolicy' is not a SAM"
            + " policy template; a policy is a policy template such as {DynamoDBCrudPolicy: {TableName: !Ref Table}},"
            + " a managed policy name or ARN, or a statement document {Statement: [...]}");
  }
}
