package dev.stratus.template.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.stratus.template.Template;
import dev.stratus.template.yaml.TemplateYaml;
import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionsTest {
  private static final Template TEMPLATE = TemplateYaml.read("""
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        MediaName: {Type: String}
      Resources:
        Media:
          Type: AWS::S3::Bucket
          Properties: {BucketName: !Ref MediaName}
        Orders:
          Type: AWS::DynamoDB::Table
        Worker:
          Type: AWS::Serverless::Function
          Properties:
            Policies:
              - Statement:
                  - Effect: Allow
                    Action: [dynamodb:GetItem, dynamodb:Query, dynamodb:Scan, dynamodb:BatchGetItem,
                             dynamodb:ConditionCheckItem, dynamodb:PartiQLSelect, dynamodb:PutItem]
                    Resource: [!GetAtt Orders.Arn]
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: !Sub arn:${AWS::Partition}:s3:::${MediaName}/*
              - AWSLambdaBasicExecutionRole
            Events:
              Nightly: {Type: Schedule, Properties: {Schedule: rate(1 day)}}
              Uploads: {Type: S3, Properties: {Bucket: !Ref Media, Events: s3:ObjectCreated:*}}
      """);

  @Test
  void eachFunctionsStatementsWithTheResourcesTheyName() {
    Permissions.Function worker = Permissions.of(TEMPLATE).get(0);
    assertThat(worker.uses()).containsExactly("Orders", "Media");
    assertThat(worker.managed()).containsExactly("AWSLambdaBasicExecutionRole");
    assertThat(worker.statements().get(1).targets()).as("through the bucket's name parameter").containsExactly("Media");
    assertThat(worker.triggers()).extracting(Permissions.Trigger::resource).containsExactly(null, "Media");
  }

  @Test
  void thePictureNamesAccessByProfileCategoryAndTheRestByAction() {
    String md = Permissions.markdown(TEMPLATE);
    assertThat(md).contains("  Worker -- \"Read, PutItem\" --> Orders\n", "  Worker -- \"GetObject\" --> Media\n",
        "  Media -. \"S3\" .-> Worker\n", "  Orders[(\"Orders · AWS::DynamoDB::Table\")]\n",
        "- managed policy `AWSLambdaBasicExecutionRole`\n");
  }

  @Test
  void jsonForTools() {
    assertThat(Permissions.json(TEMPLATE)).isEqualTo("""
        {
          "Worker": {"triggers": ["Schedule rate(1 day)", "S3 !Ref Media"], "statements": [{"effect": "Allow", "actions": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:PartiQLSelect", "dynamodb:PutItem"], "resources": ["!GetAtt Orders.Arn"]}, {"effect": "Allow", "actions": ["s3:GetObject"], "resources": ["!Sub arn:${AWS::Partition}:s3:::${MediaName}/*"]}], "templates": [], "managed": ["AWSLambdaBasicExecutionRole"], "uses": ["Orders", "Media"], "sam": [{"policy": "AWSLambdaBasicExecutionRole", "for": "every function: its logs", "actions": ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"], "resources": ["*"]}]}
        }
        """);
  }

  @Test
  void theRoleSamMakesIsToldWithWhatSamAddsToIt() {
    Template t = TemplateYaml.read("""
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function: {Tracing: Active}
        Resources:
          Jobs: {Type: AWS::SQS::Queue}
          Worker:
            Type: AWS::Serverless::Function
            Properties:
              Events:
                Work: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
          Owned:
            Type: AWS::Serverless::Function
            Properties:
              Role: arn:aws:iam::123456789012:role/mine
              Events:
                Work: {Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}
        """);
    List<Permissions.Function> functions = Permissions.of(t);
    assertThat(functions.get(0).sam()).extracting(Permissions.SamPolicy::name, Permissions.SamPolicy::why)
        .containsExactly(tuple("AWSLambdaBasicExecutionRole", "every function: its logs"),
            tuple("AWSXrayWriteOnlyAccess", "Tracing: Active"),
            tuple("AWSLambdaSQSQueueExecutionRole", "its SQS event's poller"));
    assertThat(functions.get(0).sam().get(2).actions()).contains("sqs:ReceiveMessage", "sqs:DeleteMessage");
    assertThat(functions.get(1).sam()).as("a role of its own is not SAM's").isEmpty();
    assertThat(Permissions.markdown(t)).contains("- managed policy `AWSLambdaSQSQueueExecutionRole` (its SQS event's"
        + " poller): `sqs:ReceiveMessage`, `sqs:DeleteMessage`, `sqs:GetQueueAttributes`, `logs:CreateLogGroup`,"
        + " `logs:CreateLogStream`, `logs:PutLogEvents` on `*`\n");
  }
}
