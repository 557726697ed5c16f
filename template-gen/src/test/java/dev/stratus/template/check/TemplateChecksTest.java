package dev.stratus.template.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.yaml.TemplateYaml;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateChecksTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
  private static final String HEADER = "Transform: AWS::Serverless-2016-10-31\n";

  /** The errors of a template; warnings have tests of their own. */
  private static List<Problem> problems(String yaml) {
    return TemplateChecks.run(TemplateYaml.read(yaml), TODAY).stream().filter(Problem::isError).toList();
  }

  @Test
  void aCleanTemplateHasNoProblems() {
    assertThat(problems(HEADER + """
        Parameters:
          Name: {Type: String}
        Conditions:
          HasName: !Not [!Equals [!Ref Name, '']]
        Resources:
          Bucket:
            Type: AWS::S3::Bucket
            Condition: HasName
            Properties:
              BucketName: !Sub '${Name}-${AWS::Region}-${!Literal}'
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B::handleRequest
              Policies: [{S3ReadPolicy: {BucketName: !Ref Name}}]
              Environment: {Variables: {ROLE: !GetAtt FnRole.Arn, MAYBE: !If [HasName, !Ref Bucket, !Ref AWS::NoValue]}}
              Events:
                Get: {Type: Api, Properties: {Path: '/files/{id}', Method: get}}
        Outputs:
          Api: {Value: !Sub 'https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod'}
        """)).isEmpty();
  }

  @Test
  void unknownReferencesAreNamedWithASuggestion() {
    List<Problem> problems = problems("""
        Parameters:
          TableName: {Type: String}
        Resources:
          Table: {Type: AWS::SQS::Queue}
          Topic:
            Type: AWS::SNS::Topic
            Properties:
              TopicName: !Ref TableNam
              DisplayName: !GetAtt Tabel.Arn
              KmsMasterKeyId: !Sub '${Tabl.Arn} ${AWS::Regio}'
        """);
    assertThat(problems).extracting(p -> p.diagnostic().id()).containsOnly("UnknownReference");
    assertThat(problems).extracting(Problem::text).containsExactly(
        "!Ref TableNam names no parameter, resource or pseudo parameter of the template; did you mean 'TableName'?",
        "!GetAtt Tabel.Arn names no resource of the template; did you mean 'Table'?",
        "${Tabl.Arn} in !Sub names no resource of the template; did you mean 'Table'?",
        "${AWS::Regio} in !Sub names no parameter, resource or pseudo parameter of the template; did you mean 'AWS::Region'?");
    assertThat(problems.get(0).path()).containsExactly("Resources", "Topic", "Properties", "TopicName");
  }

  @Test
  void subVariablesDefinedInTheSubItselfAreKnown() {
    assertThat(problems("""
        Resources:
          Q:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !Sub ['${Prefix}-q', {Prefix: !Ref AWS::StackName}]
        """)).isEmpty();
  }

  @Test
  void conditionsMustExistAndMayOnlyReferToParameters() {
    List<Problem> problems = problems("""
        Parameters:
          Env: {Type: String}
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
          Bad: !Equals [!Ref Bucket, x]
        Resources:
          Bucket: {Type: AWS::S3::Bucket, Condition: IsProdd}
        Outputs:
          O: {Value: !If [Missing, a, b]}
        """);
    assertThat(problems).extracting(Problem::describe).containsExactly(
        "[StratusInvalidReference] Conditions/Bad: !Ref Bucket: a condition may only refer to parameters and pseudo parameters",
        "[StratusUnknownCondition] Resources/Bucket/Condition: condition 'IsProdd' is not defined; did you mean 'IsProd'?",
        "[StratusUnknownCondition] Outputs/O: condition 'Missing' is not defined");
  }

  @Test
  void idsMustBeAlphanumeric() {
    assertThat(problems("Resources:\n  my-bucket: {Type: AWS::S3::Bucket}\n"))
        .extracting(Problem::text)
        .containsExactly("'my-bucket' is not a valid name: use 1 to 255 letters and digits only, e.g. 'mybucket'");
  }

  @Test
  void globalsNeedTheServerlessTransform() {
    assertThat(problems("Globals: {Function: {Timeout: 10}}\nResources:\n  B: {Type: AWS::S3::Bucket}\n"))
        .extracting(Problem::describe)
        .containsExactly("[StratusGlobalsWithoutTransform] Globals: Globals needs 'Transform: AWS::Serverless-2016-10-31'");
  }

  @Test
  void mappingsAndAttributelessTypesAndUnknownTypesAreNamed() {
    assertThat(problems("""
        Mappings:
          Sizes: {dev: {Memory: 512}}
        Resources:
          Policy: {Type: AWS::S3::BucketPolicy, Properties: {Bucket: b, PolicyDocument: {}}}
          Thing: {Type: AWS::Zzzzzzzz::Qqqqqqqq}
          Queue:
            Type: AWS::SQS::Queue
            Properties:
              QueueName: !FindInMap [Size, dev, Memory]
              DelaySeconds: !GetAtt Policy.Arn
        """)).extracting(Problem::describe).containsExactly(
        "[StratusUnknownAttribute] Resources/Queue/Properties/DelaySeconds: !GetAtt Policy.Arn: AWS::S3::BucketPolicy has no attributes",
        "[StratusUnknownReference] Resources/Queue/Properties/QueueName: !FindInMap names no mapping 'Size'; did you mean 'Sizes'?",
        "[StratusUnknownResourceType] Resources/Thing/Type: unknown resource type 'AWS::Zzzzzzzz::Qqqqqqqq'; see the CloudFormation resource type reference");
  }

  @Test
  void pathsKeepListIndexes() {
    assertThat(problems("""
        Resources:
          Topic: {Type: AWS::SNS::Topic}
          Alarm:
            Type: AWS::CloudWatch::Alarm
            Properties:
              ComparisonOperator: GreaterThanThreshold
              EvaluationPeriods: 1
              Threshold: 1
              AlarmActions: [!Ref Topic]
              Dimensions: [{Name: TopicName, Value: !Ref Topc}]
        """)).extracting(Problem::describe).containsExactly("[StratusUnknownReference] Resources/Alarm/Properties/"
        + "Dimensions/0/Value: !Ref Topc names no parameter, resource or pseudo parameter of the template; did you mean 'Topic'?");
  }

  @Test
  void eachCheckRunsAlone() {
    var index = TemplateIndex.of(TemplateYaml.read("""
        Parameters:
          Unused: {Type: String}
        Resources:
          A: {Type: AWS::SQS::Queue, DependsOn: B}
          B: {Type: AWS::SQS::Queue, DependsOn: A}
          C: {Type: AWS::SQS::Queue, Properties: {QueueName: !Ref Nothing}}
        """));
    assertThat(new Cycles().run(index)).extracting(Problem::describe)
        .containsExactly("[StratusDependencyCycle] Resources/A: circular dependency: A → B → A; remove one of these references");
    assertThat(new References().run(index)).extracting(Problem::describe).containsExactly(
        "[StratusUnknownReference] Resources/C/Properties/QueueName: !Ref Nothing names no parameter, resource or pseudo parameter of the template");
    assertThat(new Unused().run(index)).extracting(Problem::describe).containsExactly(
        "[StratusUnusedParameter] Parameters/Unused: parameter 'Unused' is never referenced; remove it or use it with !Ref Unused",
        "[StratusUnusedResource] Resources/C: resource 'C' is referenced by nothing; if it is meant to stand alone, give it an output (@CfOutput) so that it can be found");
    assertThat(new IdsAndLimits().run(index)).isEmpty();
    assertThat(new EventRules().run(index)).isEmpty();
  }

  @Test
  void limitsAreReportedWithTheExcess() {
    StringBuilder yaml = new StringBuilder("Resources:\n");
    for (int i = 0; i < 503; i++) {
      yaml.append("  Q").append(i).append(": {Type: AWS::SQS::Queue}\n");
    }
    assertThat(problems(yaml.toString())).extracting(Problem::text)
        .containsExactly("Resources has 503 entries; CloudFormation allows 500 (3 too many): split the stack");
  }

  @Test
  void eventSourcesAreChecked() {
    List<Problem> problems = problems(HEADER + """
        Resources:
          Queue: {Type: AWS::SQS::Queue}
          Topic: {Type: AWS::SNS::Topic}
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: a.B::handleRequest
              Events:
                Get: {Type: Api, Properties: {Path: files, Method: FETCH}}
                Tick: {Type: Schedule, Properties: {Schedule: rate(1 minutes)}}
                Upload: {Type: S3, Properties: {Bucket: !Ref Queue, Events: 's3:ObjectCreated:*'}}
                Jobs: {Type: SQS, Properties: {Queue: !GetAtt Topic.TopicArn, BatchSize: 0}}
        """);
    assertThat(problems).extracting(Problem::describe).containsExactly(
        "[StratusInvalidHttpRoute] Resources/Fn/Properties/Events/Get: 'FETCH' is not an HTTP method; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY",
        "[StratusInvalidHttpRoute] Resources/Fn/Properties/Events/Get: path 'files' must start with '/', e.g. '/files'",
        "[StratusInvalidSchedule] Resources/Fn/Properties/Events/Tick: 'rate(1 minutes)' must say rate(1 minute)",
        "[StratusInvalidEventSource] Resources/Fn/Properties/Events/Upload: Bucket 'Queue' is AWS::SQS::Queue, not AWS::S3::Bucket; the template has no AWS::S3::Bucket",
        "[StratusInvalidBatchSize] Resources/Fn/Properties/Events/Jobs: batch size 0 is out of range: SQS takes 1 to 10000; leave it out for SAM's default of 10",
        "[StratusInvalidEventSource] Resources/Fn/Properties/Events/Jobs: Queue 'Topic' is AWS::SNS::Topic, not AWS::SQS::Queue; the template's AWS::SQS::Queue resources: Queue");
  }

  @Test
  void dependsOnMustNameAResource() {
    assertThat(problems("Resources:\n  A: {Type: AWS::SQS::Queue, DependsOn: [Bee]}\n  B: {Type: AWS::SQS::Queue}\n"))
        .extracting(Problem::text).containsExactly("DependsOn 'Bee' names no resource");
  }
}
