package dev.stratus.template.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.diagnostics.Message;
import dev.stratus.template.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SamEventsTest {
  private static final Map<String, Resource> RESOURCES = Map.of("Uploads", Resource.of("AWS::S3::Bucket", null),
      "Jobs", Resource.of("AWS::SQS::Queue", null), "Alerts", Resource.of("AWS::SNS::Topic", null),
      "Admin", Resource.of("AWS::Serverless::Api", null),
      "Orders", Resource.of("AWS::DynamoDB::Table", YamlReader.readValue("{StreamSpecification: {StreamViewType: NEW_IMAGE}}") instanceof Value.Mapping m ? m : null),
      "Plain", Resource.of("AWS::DynamoDB::Table", null), "Clicks", Resource.of("AWS::Kinesis::Stream", null));

  private static SamEvent event(String yaml) {
    return SamEvents.read(YamlReader.readValue(yaml));
  }

  private static List<String> problems(String yaml) {
    return event(yaml).check(RESOURCES).stream().map(Message::tagged).toList();
  }

  /** Which visitor method an event reaches: each kind its own. */
  private static String kindOf(SamEvent e) {
    return e.accept(new SamEvent.Visitor<>() {
      public String api(ApiEvent event) {
        return "api";
      }

      public String httpApi(HttpApiEvent event) {
        return "httpApi";
      }

      public String s3(S3Event event) {
        return "s3";
      }

      public String schedule(ScheduleEvent event) {
        return "schedule";
      }

      public String sqs(SqsEvent event) {
        return "sqs";
      }

      public String sns(SnsEvent event) {
        return "sns";
      }

      public String eventBridge(EventBridgeRuleEvent event) {
        return "eventBridge";
      }

      public String dynamoDb(DynamoDbStreamEvent event) {
        return "dynamoDb";
      }

      public String kinesis(KinesisEvent event) {
        return "kinesis";
      }

      public String other(OtherEvent event) {
        return "other";
      }
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "{Type: Api, Properties: {Path: /files, Method: post, Auth: {ApiKeyRequired: true}}}|api",
      "{Type: HttpApi, Properties: {Path: /files, Method: get}}|httpApi",
      "{Type: S3, Properties: {Bucket: !Ref Uploads, Events: 's3:ObjectCreated:*'}}|s3",
      "{Type: Schedule, Properties: {Schedule: rate(1 day), Input: '{\"a\": 1}'}}|schedule",
      "{Type: ScheduleV2, Properties: {ScheduleExpression: rate(1 day), State: DISABLED}}|schedule",
      "{Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn, BatchSize: 5}}|sqs",
      "{Type: SNS, Properties: {Topic: !Ref Alerts, FilterPolicy: {kind: [big]}}}|sns",
      "{Type: Kinesis, Properties: {Stream: !GetAtt S.Arn, StartingPosition: LATEST}}|kinesis",
      "{Type: MQ, Properties: {Broker: !GetAtt B.Arn}}|other",
      "{Type: EventBridgeRule, Properties: {Pattern: {source: [shop]}, EventBusName: !Ref Orders}}|eventBridge",
      "{Type: CloudWatchEvent, Properties: {Pattern: {detail-type: [Tick]}}}|eventBridge",
      "{Type: DynamoDB, Properties: {Stream: !GetAtt Orders.StreamArn, StartingPosition: LATEST}}|dynamoDb",
      "{Type: IoTRule}|other",
  })
  void eachKindReadsItsOwnTypeAndWritesBackWhatItRead(String yaml, String kind) {
    SamEvent e = event(yaml);
    assertThat(kindOf(e)).isEqualTo(kind);
    assertThat(e.toMapping()).isEqualTo(YamlReader.readValue(yaml));
  }

  @Test
  void somethingThatIsNoEventAtAllIsKeptAsWritten() {
    Value written = YamlReader.readValue("[not, an, event]");
    assertThat(SamEvents.read(written)).isEqualTo(new OtherEvent(written));
    assertThat(SamEvents.read(written).type()).isEmpty();
  }

  @Test
  void everyKindHasAnAnnotationAndItsJavaEventTypes() {
    assertThat(SamEvents.KINDS).extracting(EventKind::annotation).containsExactly("ApiRoute", "HttpApiRoute",
        "OnS3Event", "OnSchedule", "OnSqsMessage", "OnSnsMessage", "OnEventBridgeRule", "OnDynamoDbStream",
        "OnKinesisRecord");
    assertThat(HttpApiEvent.KIND.javaTypes()).containsExactly(
        "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent",
        "com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent");
  }

  @Test
  void implicitApisAreNamedAsSamNamesThem() {
    assertThat(event("{Type: Api, Properties: {Path: /, Method: get}}").generatedResources()).containsOnlyKeys(
        "ServerlessRestApi", "ServerlessRestApiProdStage", "ServerlessRestApiDeployment");
    assertThat(event("{Type: Api, Properties: {Path: /, Method: get, RestApiId: !Ref Admin}}").generatedResources())
        .isEmpty();
    assertThat(event("{Type: HttpApi, Properties: {Path: /, Method: get}}").generatedResources())
        .containsExactly(Map.entry("ServerlessHttpApi", "AWS::ApiGatewayV2::Api"));
  }

  @Test
  void aBucketWaitsForTheFunctionItNotifies() {
    assertThat(event("{Type: S3, Properties: {Bucket: !Ref Uploads, Events: 's3:ObjectCreated:*'}}").waitsForFunction())
        .containsExactly("Uploads");
    assertThat(event("{Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}").waitsForFunction()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 10001, -1})
  void batchSizesOutOfRange(int size) {
    assertThat(problems("{Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn, BatchSize: " + size + "}}")).containsExactly(
        "[StratusInvalidBatchSize] batch size " + size + " is out of range: SQS takes 1 to 10000; leave it out for SAM's default of 10");
  }

  @Test
  void sourcesOfTheWrongTypeAreNamed() {
    assertThat(problems("{Type: SQS, Properties: {Queue: !GetAtt Alerts.Arn}}")).containsExactly(
        "[StratusInvalidEventSource] Queue 'Alerts' is AWS::SNS::Topic, not AWS::SQS::Queue; the template's"
            + " AWS::SQS::Queue resources: Jobs");
    assertThat(problems("{Type: SNS, Properties: {Topic: !Ref Jobs}}")).containsExactly(
        "[StratusInvalidEventSource] Topic 'Jobs' is AWS::SQS::Queue, not AWS::SNS::Topic; the template's"
            + " AWS::SNS::Topic resources: Alerts");
    assertThat(problems("{Type: S3, Properties: {Bucket: !Ref Jobs, Events: 's3:ObjectCreated:*'}}")).containsExactly(
        "[StratusInvalidEventSource] Bucket 'Jobs' is AWS::SQS::Queue, not AWS::S3::Bucket; the template's"
            + " AWS::S3::Bucket resources: Uploads");
    assertThat(problems("{Type: Api, Properties: {Path: /, Method: get, RestApiId: !Ref Jobs}}")).containsExactly(
        "[StratusInvalidEventSource] RestApiId 'Jobs' is AWS::SQS::Queue, not AWS::Serverless::Api; the"
            + " template's AWS::Serverless::Api resources: Admin");
  }

  @Test
  void anS3EventNeedsABucketOfTheTemplate() {
    assertThat(problems("{Type: S3, Properties: {Bucket: my-bucket, Events: 's3:ObjectCreated:*'}}")).containsExactly(
        "[StratusInvalidEventSource] an S3 event's Bucket must be !Ref to an AWS::S3::Bucket declared in this"
            + " template (SAM requires it)");
  }

  @Test
  void routesAndSchedulesAreCheckedWhereverTheyComeFrom() {
    assertThat(problems("{Type: HttpApi, Properties: {Path: files, Method: fetch}}")).containsExactly(
        "[StratusInvalidHttpRoute] 'fetch' is not an HTTP method; use one of GET, POST, PUT, PATCH, DELETE, HEAD,"
            + " OPTIONS, ANY",
        "[StratusInvalidHttpRoute] path 'files' must start with '/', e.g. '/files'");
    assertThat(problems("{Type: ScheduleV2, Properties: {ScheduleExpression: rate(2 hour)}}")).containsExactly(
        "[StratusInvalidSchedule] 'rate(2 hour)' must say rate(2 hours)");
  }

  @Test
  void aSchedulersTimeZoneIsIanasAndOnlyASchedulerRunsOnce() {
    assertThat(problems("{Type: ScheduleV2, Properties: {ScheduleExpression: 'cron(0 8 * * ? *)',"
        + " ScheduleExpressionTimezone: Europe/Berlin}}")).isEmpty();
    assertThat(problems("{Type: ScheduleV2, Properties: {ScheduleExpression: 'cron(0 8 * * ? *)',"
        + " ScheduleExpressionTimezone: Europe/Berlim}}")).containsExactly(
        "[StratusInvalidSchedule] time zone 'Europe/Berlim' is unknown; write an IANA name such as Europe/Berlin");
    assertThat(problems("{Type: Schedule, Properties: {Schedule: 'at(2027-01-31T09:00:00)'}}")).containsExactly(
        "[StratusInvalidSchedule] 'at(2027-01-31T09:00:00)' runs once, which only EventBridge Scheduler does; make the"
            + " event Type: ScheduleV2 with ScheduleExpression (@OnSchedule does so for at(...))");
  }

  @Test
  void anEventBridgeRuleIsOnABusOfTheTemplateWithAPatternEventBridgeTakes() {
    assertThat(problems("{Type: EventBridgeRule, Properties: {Pattern: {source: [shop]}, EventBusName: !Ref Jobs}}"))
        .containsExactly("[StratusInvalidEventSource] EventBusName 'Jobs' is AWS::SQS::Queue, not"
            + " AWS::Events::EventBus; the template has no AWS::Events::EventBus");
    assertThat(problems("{Type: EventBridgeRule, Properties: {Pattern: {detail: {state: [{prefx: run}]}}}}"))
        .containsExactly("[StratusInvalidEventPattern] the event pattern is not one EventBridge takes at"
            + " detail.state.0.prefx: 'prefx' is no filter of EventBridge; did you mean 'prefix'?");
  }

  @Test
  void aStreamIsATablesOfTheTemplateWithAStreamSpecification() {
    assertThat(problems("{Type: DynamoDB, Properties: {Stream: !GetAtt Orders.StreamArn, StartingPosition: LATEST,"
        + " BatchSize: 100}}")).isEmpty();
    assertThat(problems("{Type: DynamoDB, Properties: {Stream: !GetAtt Plain.StreamArn, StartingPosition: LATEST}}"))
        .containsExactly("[StratusTableWithoutStream] table 'Plain' has no stream to read: add to its Properties"
            + " StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES} (or NEW_IMAGE, OLD_IMAGE, KEYS_ONLY)");
    assertThat(problems("{Type: DynamoDB, Properties: {Stream: !GetAtt Jobs.Arn, StartingPosition: NOW,"
        + " BatchSize: 0}}")).containsExactly(
        "[StratusInvalidBatchSize] batch size 0 is out of range: a DynamoDB stream takes 1 to 10000; leave it out"
            + " for SAM's default of 100",
        "[StratusInvalidStartingPosition] StartingPosition 'NOW' is not one a DynamoDB stream takes: write LATEST"
            + " (records from now on) or TRIM_HORIZON (all the stream holds)",
        "[StratusInvalidEventSource] Stream 'Jobs' is AWS::SQS::Queue, not AWS::DynamoDB::Table; the template's"
            + " AWS::DynamoDB::Table resources: Orders, Plain");
  }

  @Test
  void aKinesisEventMayStartAtATimestamp() {
    assertThat(problems("{Type: Kinesis, Properties: {Stream: !GetAtt Clicks.Arn, StartingPosition: AT_TIMESTAMP,"
        + " StartingPositionTimestamp: 1796551200}}")).isEmpty();
  }

  @Test
  void aKinesisEventReadsAStreamOfTheTemplate() {
    assertThat(problems("{Type: Kinesis, Properties: {Stream: !GetAtt Clicks.Arn, StartingPosition: TRIM_HORIZON,"
        + " BatchSize: 10000}}")).isEmpty();
    assertThat(problems("{Type: Kinesis, Properties: {Stream: !GetAtt Orders.Arn, StartingPosition: AT_TIMESTAMP,"
        + " BatchSize: 10001}}")).containsExactly(
        "[StratusInvalidBatchSize] batch size 10001 is out of range: a Kinesis stream takes 1 to 10000; leave it out"
            + " for SAM's default of 100",
        "[StratusInvalidStartingPosition] StartingPosition 'AT_TIMESTAMP' is not one a Kinesis stream takes: write"
            + " LATEST (records from now on), TRIM_HORIZON (all the stream holds) or AT_TIMESTAMP with a"
            + " StartingPositionTimestamp",
        "[StratusInvalidEventSource] Stream 'Orders' is AWS::DynamoDB::Table, not AWS::Kinesis::Stream; the"
            + " template's AWS::Kinesis::Stream resources: Clicks");
  }

  @Test
  void aStreamMethodMayReadOnlyTheImagesItsTablesViewCarries() {
    Map<String, Resource> tables = Map.of(
        "Keys", Resource.of("AWS::DynamoDB::Table", (Value.Mapping) YamlReader.readValue(
            "{StreamSpecification: {StreamViewType: KEYS_ONLY}}")),
        "Old", Resource.of("AWS::DynamoDB::Table", (Value.Mapping) YamlReader.readValue(
            "{StreamSpecification: {StreamViewType: OLD_IMAGE}}")),
        "Both", Resource.of("AWS::DynamoDB::Table", (Value.Mapping) YamlReader.readValue(
            "{StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}}")));
    assertThat(DynamoDbStreamEvent.imagesRead("S.m", "Keys", false, true, tables)).get().extracting(Message::tagged)
        .isEqualTo("[StratusStreamLacksImages] S.m reads each change's newImage(), but table 'Keys' streams KEYS_ONLY,"
            + " which carries none: set its StreamSpecification to {StreamViewType: NEW_IMAGE}");
    assertThat(DynamoDbStreamEvent.imagesRead("S.m", "Old", true, true, tables)).get().extracting(Message::tagged)
        .asString().contains("reads each change's newImage(), but table 'Old' streams OLD_IMAGE")
        .endsWith("{StreamViewType: NEW_AND_OLD_IMAGES}");
    assertThat(DynamoDbStreamEvent.imagesRead("S.m", "Both", true, true, tables)).isEmpty();
    assertThat(DynamoDbStreamEvent.imagesRead("S.m", "Elsewhere", true, true, tables)).as("not in the template").isEmpty();
  }
}
