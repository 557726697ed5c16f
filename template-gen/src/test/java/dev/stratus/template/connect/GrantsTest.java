package dev.stratus.template.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.Fn;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.yaml.YamlWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantsTest {
  private static final Map<String, Resource> RESOURCES = Map.of(
      "OrdersTable", Resource.of("AWS::DynamoDB::Table", Mapping.EMPTY),
      "JobQueue", Resource.of("AWS::SQS::Queue", Mapping.EMPTY),
      "Alerts", Resource.of("AWS::SNS::Topic", Mapping.EMPTY),
      "Clicks", Resource.of("AWS::Kinesis::Stream", Mapping.EMPTY),
      "ShopBus", Resource.of("AWS::Events::EventBus", Mapping.EMPTY),
      "Worker", Resource.of("AWS::Serverless::Function", Mapping.EMPTY));

  @Test
  void variablesAreNamedByTheLogicalIdAndWhatItsRefGives() {
    assertThat(Grants.envName("OrdersTable", "AWS::DynamoDB::Table")).isEqualTo("ORDERS_TABLE_NAME");
    assertThat(Grants.envName("JobQueue", "AWS::SQS::Queue")).isEqualTo("JOB_QUEUE_URL");
    assertThat(Grants.envName("Alerts", "AWS::SNS::Topic")).isEqualTo("ALERTS_ARN");
    assertThat(Grants.envName("S3Bucket", "AWS::S3::Bucket")).isEqualTo("S3_BUCKET_NAME");
    assertThat(Grants.envName("HTTPRouter", "AWS::Serverless::Function")).isEqualTo("HTTP_ROUTER_NAME");
    assertThat(Grants.envName("OrdersTableName", "AWS::DynamoDB::Table")).as("a parameter that says what it holds")
        .isEqualTo("ORDERS_TABLE_NAME");
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
  void aStreamIsReadAndPutToByItsArnAndABusTakesEvents() {
    Grant stream = Grants.derive("Worker", new Use("Clicks", List.of("Read", "Write"), ""), RESOURCES).grant();
    assertThat(stream.envName()).isEqualTo("CLICKS_NAME");
    assertThat(YamlWriter.write(stream.policy())).isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - kinesis:DescribeStream
              - kinesis:DescribeStreamSummary
              - kinesis:GetRecords
              - kinesis:GetShardIterator
            Resource:
              - !GetAtt Clicks.Arn
          - Effect: Allow
            Action:
              - kinesis:PutRecord
              - kinesis:PutRecords
            Resource:
              - !GetAtt Clicks.Arn
        """);
    Grant bus = Grants.derive("Worker", new Use("ShopBus", List.of("Write"), ""), RESOURCES).grant();
    assertThat(bus.envName()).isEqualTo("SHOP_BUS_NAME");
    assertThat(YamlWriter.write(bus.policy())).contains("- events:PutEvents", "- !GetAtt ShopBus.Arn");
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
    assertThat(YamlWriter.write(list.policy())).isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - s3:ListBucket
            Resource:
              - !GetAtt Media.Arn
        """);
    Grant keys = Grants.derive("Worker", new Use("Media", List.of("Read"), List.of(), "files/*", ""), resources)
        .grant();
    assertThat(YamlWriter.write(keys.policy()))
        .as("the keys narrow Read's object actions, and its listings to the keys' prefix")
        .isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - s3:GetObject
              - s3:GetObjectAcl
              - s3:GetObjectLegalHold
              - s3:GetObjectRetention
              - s3:GetObjectTorrent
              - s3:GetObjectVersion
              - s3:GetObjectVersionAcl
              - s3:GetObjectVersionForReplication
              - s3:GetObjectVersionTorrent
              - s3:ListMultipartUploadParts
            Resource:
              - !Sub ${Media.Arn}/files/*
          - Effect: Allow
            Action:
              - s3:ListBucket
              - s3:ListBucketMultipartUploads
              - s3:ListBucketVersions
            Resource:
              - !GetAtt Media.Arn
            Condition:
              StringLike:
                s3:prefix:
                  - files/*
        """);
    Grant location = Grants.derive("Worker", new Use("Media", List.of(), List.of("s3:GetBucketLocation"), "files/*",
        ""), resources).grant();
    assertThat(YamlWriter.write(location.policy())).as("a bucket action named exactly keeps the bucket").isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - s3:GetBucketLocation
            Resource:
              - !GetAtt Media.Arn
        """);
  }

  @Test
  void eachActionOnTheFormsItAppliesTo() {
    Map<String, Resource> resources = Map.of("OrdersTable", Resource.of("AWS::DynamoDB::Table",
        Mapping.builder().put("GlobalSecondaryIndexes", new Value.Seq(List.of())).build()),
        "Worker", Resource.of("AWS::Serverless::Function", Mapping.EMPTY));
    Grant g = Grants.derive("Worker", new Use("OrdersTable", List.of("Read"), ""), resources).grant();
    assertThat(YamlWriter.write(g.policy())).as("an item is read from the table; indexes are queried and scanned")
        .isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - dynamodb:GetItem
              - dynamodb:BatchGetItem
              - dynamodb:ConditionCheckItem
            Resource:
              - !GetAtt OrdersTable.Arn
          - Effect: Allow
            Action:
              - dynamodb:Query
              - dynamodb:Scan
              - dynamodb:PartiQLSelect
            Resource:
              - !GetAtt OrdersTable.Arn
              - !Sub ${OrdersTable.Arn}/index/*
        """);
  }

  @Test
  void aPatternOfActionsIsGrantedOnTheFormsOfAllItMatches() {
    Map<String, Resource> resources = Map.of("Media", Resource.of("AWS::S3::Bucket", Mapping.EMPTY),
        "Worker", Resource.of("AWS::Serverless::Function", Mapping.EMPTY));
    Grant g = Grants.derive("Worker", new Use("Media", List.of(), List.of("s3:GetObject*"), "", ""), resources).grant();
    assertThat(YamlWriter.write(g.policy())).isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - s3:GetObject*
            Resource:
              - !Sub ${Media.Arn}/*
        """);
  }

  @Test
  void anActionThatDoesNotActOnTheResourceIsRefused() {
    assertThat(Grants.derive("Worker", new Use("OrdersTable", List.of(), List.of("dynamodb:ListTables"), "", ""),
        RESOURCES).refusal().text()).isEqualTo("@Use(\"OrdersTable\"): 'dynamodb:ListTables' is granted on \"*\""
            + " only, so a use of this AWS::DynamoDB::Table cannot grant it; write that statement in policies, with the"
            + " ARN it takes");
    assertThat(Grants.derive("Worker", new Use("OrdersTable", List.of(), List.of("dynamodb:GetRecords"), "", ""),
        RESOURCES).refusal().text()).startsWith("@Use(\"OrdersTable\"): 'dynamodb:GetRecords' acts on stream, not on"
            + " table, so");
  }

  @Test
  void actionsAreWrittenAsIamSpellsThem() {
    Grant g = Grants.derive("Worker", new Use("OrdersTable", List.of(), List.of("dynamodb:getitem"), "", ""), RESOURCES)
        .grant();
    assertThat(YamlWriter.write(g.policy())).contains("- dynamodb:GetItem\n");
  }

  @Test
  void aTableWithoutIndexesIsNamedAlone() {
    Grant g = Grants.derive("Worker", new Use("OrdersTable", List.of(), List.of("dynamodb:Scan"), "", ""), RESOURCES)
        .grant();
    assertThat(YamlWriter.write(g.policy())).isEqualTo("""
        Statement:
          - Effect: Allow
            Action:
              - dynamodb:Scan
            Resource:
              - !GetAtt OrdersTable.Arn
        """);
  }

  @Test
  void aParameterNamesAResourceOutsideTheStack() {
    Grant table = Grants.derive("Worker", new Use("LedgerTableName", List.of("Read"), List.of(), "", "",
        "AWS::DynamoDB::Table"), RESOURCES, Set.of("LedgerTableName")).grant();
    assertThat(table.envName()).isEqualTo("LEDGER_TABLE_NAME");
    assertThat(table.envValue()).isEqualTo(Fn.ref("LedgerTableName"));
    assertThat(YamlWriter.write(table.policy())).as("its indexes are not known, so they are named")
        .contains("- !Sub arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${LedgerTableName}\n",
            "- !Sub arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${LedgerTableName}/index/*\n");
    Grant queue = Grants.derive("Worker", new Use("AuditQueue", List.of("Write"), List.of(), "", "", "AWS::SQS::Queue"),
        RESOURCES, Set.of("AuditQueue")).grant();
    assertThat(queue.envName()).isEqualTo("AUDIT_QUEUE_URL");
    assertThat(queue.envValue()).isEqualTo(Fn.sub("https://sqs.${AWS::Region}.${AWS::URLSuffix}/${AWS::AccountId}/${AuditQueue}"));
    assertThat(YamlWriter.write(queue.policy()))
        .contains("- !Sub arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${AuditQueue}\n");
  }

  @Test
  void aParameterNeedsATypeAndAResourceNone() {
    assertThat(Grants.derive("Worker", new Use("Ledger", List.of("Read"), ""), RESOURCES, Set.of("Ledger")).refusal()
        .text()).startsWith("@Use(\"Ledger\"): Ledger is a parameter, so it names a resource outside the stack; say"
            + " which kind with type, one of AWS::DynamoDB::Table, ");
    assertThat(Grants.derive("Worker", new Use("JobQueue", List.of("Read"), List.of(), "", "", "AWS::SQS::Queue"),
        RESOURCES).refusal().text()).isEqualTo("@Use(\"JobQueue\"): type is for a parameter that names a resource"
            + " outside the stack, and JobQueue is the template's own AWS::SQS::Queue; remove type");
  }

  @Test
  void refusalsSayWhy() {
    assertThat(Grants.derive("Worker", new Use("Orders", List.of("Read"), ""), RESOURCES).refusal().text())
        .isEqualTo("@Use names 'Orders', which is no resource of the template; did you mean 'OrdersTable'?; declare it"
            + " with @CfResource or in the base template");
  }
}
