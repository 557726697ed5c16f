package dev.stratus.template.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.yaml.YamlWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrantsTest {
  private static final Map<String, Resource> RESOURCES = Map.of(
      "OrdersTable", Resource.of("AWS::DynamoDB::Table", Mapping.EMPTY),
      "JobQueue", Resource.of("AWS::SQS::Queue", Mapping.EMPTY),
      "Alerts", Resource.of("AWS::SNS::Topic", Mapping.EMPTY),
      "Worker", Resource.of("AWS::Serverless::Function", Mapping.EMPTY));

  @Test
  void variablesAreNamedByTheLogicalIdAndWhatItsRefGives() {
    assertThat(Grants.envName("OrdersTable", "AWS::DynamoDB::Table")).isEqualTo("ORDERS_TABLE_NAME");
    assertThat(Grants.envName("JobQueue", "AWS::SQS::Queue")).isEqualTo("JOB_QUEUE_URL");
    assertThat(Grants.envName("Alerts", "AWS::SNS::Topic")).isEqualTo("ALERTS_ARN");
    assertThat(Grants.envName("S3Bucket", "AWS::S3::Bucket")).isEqualTo("S3_BUCKET_NAME");
    assertThat(Grants.envName("HTTPRouter", "AWS::Serverless::Function")).isEqualTo("HTTP_ROUTER_NAME");
  }

  @Test
  void aQueueIsReadAndWrittenByItsArn() {
    Grant g = Grants.derive("Worker", new Use("JobQueue", List.of("Read", "Write"), ""), RESOURCES).grant();
    assertThat(g.envName()).isEqualTo("JOB_QUEUE_URL");
    assertThat(g.envValue()).isEqualTo(Fn.ref("JobQueue"));
    assertThat(YamlWriter.write(g.policy())).isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - sqs:ReceiveMessage
              - sqs:GetQueueAttributes
            Resource:
              - !GetAtt JobQueue.Arn
          - Effect: Allow
            Action:
              - sqs:DeleteMessage
              - sqs:SendMessage
              - sqs:ChangeMessageVisibility
              - sqs:PurgeQueue
            Resource:
              - !GetAtt JobQueue.Arn
        """);
  }

  @Test
  void aTopicIsNamedByItsRefAndAnOverrideKeepsItsName() {
    Grant g = Grants.derive("Worker", new Use("Alerts", List.of("Write"), "TOPIC"), RESOURCES).grant();
    assertThat(g.envName()).isEqualTo("TOPIC");
    Value resource = ((Value.Seq) ((Mapping) ((Value.Seq) g.policy().get("Statement")).items().get(0)).get("Resource"))
        .items().get(0);
    assertThat(resource).isEqualTo(Fn.ref("Alerts"));
  }

  @Test
  void exactActionsOnABucketsKeys() {
    Map<String, Resource> resources = Map.of("Media", Resource.of("AWS::S3::Bucket", Mapping.EMPTY),
        "Worker", Resource.of("AWS::Serverless::Function", Mapping.EMPTY));
    Grant g = Grants.derive("Worker", new Use("Media", List.of(), List.of("s3:PutObject"), "uploads/*", ""), resources)
        .grant();
    assertThat(YamlWriter.write(g.policy())).isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - s3:PutObject
            Resource:
              - !Sub ${Media.Arn}/uploads/*
        """);
    Grant list = Grants.derive("Worker", new Use("Media", List.of(), List.of("s3:ListBucket"), "", ""), resources)
        .grant();
    assertThat(YamlWriter.write(list.policy())).contains("- !GetAtt Media.Arn\n", "- !Sub ${Media.Arn}/*\n");
  }

  @Test
  void refusalsSayWhy() {
    assertThat(Grants.derive("Worker", new Use("Orders", List.of("Read"), ""), RESOURCES).refusal().text())
        .isEqualTo("@Use names 'Orders', which is no resource of the template; did you mean 'OrdersTable'?; declare it"
            + " with @CfResource or in the base template");
  }
}
