package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stratus.processor.Compile.assertSingleError;
import static dev.stratus.processor.Compile.compile;
import static dev.stratus.processor.Compile.handler;
import static dev.stratus.processor.Compile.source;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per diagnostic: the count, the message and the line it points at. */
class DiagnosticsTest {

  /** A queue {@code Jobs} for the SQS events of a test. */
  private static JavaFileObject jobsQueue() {
    return source("Queues", """
        @CfResource(logicalId = "Jobs", type = "AWS::SQS::Queue")
        final class Queues {}
        """);
  }

  /** A topic {@code Alerts} for the SNS events of a test. */
  private static JavaFileObject alertsTopic() {
    return source("Topics", """
        @CfResource(logicalId = "Alerts", type = "AWS::SNS::Topic")
        final class Topics {}
        """);
  }

  // --- the handler class ---

  @Test
  void handlerMustBePublic() {
    JavaFileObject src = source("Hidden", """
        @CfFunction
        class Hidden implements RequestHandler<Map<String, Object>, String> {
          public String handleRequest(Map<String, Object> in, Context c) { return ""; }
        }
        """);
    assertSingleError(compile(src), src, "[StratusHandlerNotPublic] handler class com.example.Hidden must be public: Lambda"
        + " instantiates it by reflection; add 'public'", "@CfFunction");
  }

  @Test
  void handlerMustNotBeAbstract() {
    JavaFileObject src = source("Base", """
        @CfFunction
        public abstract class Base implements RequestHandler<Map<String, Object>, String> {}
        """);
    assertSingleError(compile(src), src, "[StratusHandlerAbstract] handler class com.example.Base must not be abstract: "
        + "Lambda instantiates it; remove 'abstract' or annotate a concrete subclass", "@CfFunction");
  }

  @Test
  void handlerMustNotBeAnInnerClass() {
    JavaFileObject src = source("Outer", """
        public class Outer {
          @CfFunction
          public class Inner implements RequestHandler<Map<String, Object>, String> {
            public String handleRequest(Map<String, Object> in, Context c) { return ""; }
          }
        }
        """);
    assertSingleError(compile(src), src, "[StratusHandlerInnerClass] handler class com.example.Outer.Inner is an inner"
        + " class; Lambda cannot instantiate it: make it 'static' or a top-level class", "@CfFunction");
  }

  @Test
  void handlerNeedsAPublicNoArgumentConstructor() {
    JavaFileObject src = source("Configured", """
        @CfFunction
        public class Configured implements RequestHandler<Map<String, Object>, String> {
          public Configured(String table) {}
          public String handleRequest(Map<String, Object> in, Context c) { return ""; }
        }
        """);
    assertSingleError(compile(src), src, "[StratusHandlerNoPublicConstructor] handler class com.example.Configured needs "
        + "a public no-argument constructor: Lambda calls it; add 'public Configured() {}'", "@CfFunction");
  }

  @Test
  void handlerMustImplementAHandlerInterface() {
    JavaFileObject src = source("Plain", """
        @CfFunction
        public class Plain {
          public String handleRequest(Map<String, Object> in) { return ""; }
        }
        """);
    assertSingleError(compile(src), src, "[StratusHandlerNotAHandler] handler class com.example.Plain implements neither"
        + " RequestHandler nor RequestStreamHandler (com.amazonaws.services.lambda.runtime, from aws-lambda-java-core);"
        + " implement one of them", "@CfFunction");
  }

  @Test
  void aHandlerInheritedFromABaseClassIsAccepted() {
    JavaFileObject base = source("BaseHandler", """
        public abstract class BaseHandler implements RequestStreamHandler {}
        """);
    JavaFileObject src = source("Concrete", """
        @CfFunction
        @OnSchedule("rate(1 day)")
        public class Concrete extends BaseHandler {
          public void handleRequest(InputStream in, OutputStream out, Context c) {}
        }
        """);
    assertThat(compile(base, src)).succeededWithoutWarnings();
  }

  @Test
  void theHandlerMethodMustBeInAPublicClass() {
    JavaFileObject base = source("Base", """
        abstract class Base implements RequestHandler<Map<String, Object>, String> {
          public final String handleRequest(Map<String, Object> in, Context c) { return ""; }
        }
        """);
    JavaFileObject src = source("Concrete", """
        @CfFunction
        @OnSchedule("rate(1 day)")
        public class Concrete extends Base {}
        """);
    assertSingleError(compile(base, src), src, "[StratusHandlerMethodNotAccessible] handleRequest of"
        + " Concrete is declared in com.example.Base, which is not public: Lambda calls it by reflection and cannot;"
        + " make Base public or override handleRequest in Concrete", "@CfFunction");
  }

  @Test
  void functionGoesOnAClass() {
    JavaFileObject src = source("Api", """
        @CfFunction
        public interface Api {}
        """);
    assertSingleError(compile(src), src, "[StratusHandlerNotAClass] @CfFunction goes on a handler class, not on interface", "@CfFunction");
  }

  @Test
  void allHandlerProblemsAreReportedTogether() {
    JavaFileObject src = source("Broken", """
        @CfFunction
        abstract class Broken {
          Broken(int x) {}
        }
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("[StratusHandlerNotPublic]").inFile(src).onLineContaining("@CfFunction");
    assertThat(c).hadErrorContaining("[StratusHandlerAbstract]").inFile(src).onLineContaining("@CfFunction");
    assertThat(c).hadErrorContaining("[StratusHandlerNoPublicConstructor]").inFile(src).onLineContaining("@CfFunction");
    assertThat(c).hadErrorContaining("[StratusHandlerNotAHandler]").inFile(src).onLineContaining("@CfFunction");
  }

  @Test
  void eventsNeedAFunction() {
    JavaFileObject src = source("Lonely", """
        @ApiRoute(path = "/x", method = "GET")
        public class Lonely {}
        """);
    assertSingleError(compile(src), src, "[StratusEventWithoutFunction] @ApiRoute needs @CfFunction on the same class:"
        + " events belong to a function", "@ApiRoute");
  }

  // --- function attributes ---

  @Test
  void memoryTimeoutAndArchitectureAreInRange() {
    JavaFileObject src = handler("Sized", """
        @CfFunction(
            memorySize = 64,
            timeout = 901,
            architecture = "arm")
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[StratusInvalidMemorySize] memorySize 64 is out of range: Lambda allows 128 to 10240 MB;"
        + " leave it out to inherit the default")
        .inFile(src).onLineContaining("memorySize = 64");
    assertThat(c).hadErrorContaining("[StratusInvalidTimeout] timeout 901 is out of range: Lambda allows 1 to 900 seconds;"
        + " leave it out to inherit the default")
        .inFile(src).onLineContaining("timeout = 901");
    assertThat(c).hadErrorContaining("[StratusInvalidArchitecture] architecture 'arm' is not one Lambda offers: use x86_64 or arm64")
        .inFile(src).onLineContaining("architecture = \"arm\"");
  }

  @Test
  void environmentNamesFollowLambdasRule() {
    JavaFileObject src = handler("Env1", """
        @CfFunction(environment = {
            @Env(name = "TABLE", value = "a"),
            @Env(name = "1BAD", value = "b"),
            @Env(name = "TABLE", value = "c")})
        @OnSchedule("rate(1 day)")
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[StratusInvalidEnvironmentName] environment variable name '1BAD' is not valid: Lambda takes a letter, then letters, digits or '_' (at least 2 characters)").inFile(src)
        .onLineContaining("1BAD");
    assertThat(c).hadErrorContaining("[StratusDuplicateEnvironmentVariable] environment variable 'TABLE' is set twice; keep one").inFile(src)
        .onLineContaining("value = \"c\"");
  }

  @Test
  void policiesMustParse() {
    JavaFileObject src = handler("Pol", """
        @CfFunction(policies = {
            "AWSLambdaBasicExecutionRole",
            "S3ReadPolicy: {BucketName: [unclosed"})
        """);
    assertSingleError(compile(src), src, "[StratusYamlSyntax] policy 'S3ReadPolicy: {BucketName: [unclosed' does not "
        + "parse as YAML", "unclosed");
  }

  // --- events ---

  @Test
  void httpMethodAndPathAreChecked() {
    JavaFileObject src = handler("Route", """
        @CfFunction
        @ApiRoute(path = "/ok", method = "GET")
        @ApiRoute(path = "files", method = "FETCH")
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[StratusInvalidHttpRoute] 'FETCH' is not an HTTP method; use one of GET, "
        + "POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY").inFile(src).onLineContaining("FETCH");
    assertThat(c).hadErrorContaining("[StratusInvalidHttpRoute] path 'files' must start with '/', e.g. '/files'")
        .inFile(src).onLineContaining("FETCH");
  }

  @Test
  void httpApiRoutesAreCheckedToo() {
    JavaFileObject src = handler("Http", """
        @CfFunction
        @HttpApiRoute(path = "/a/{proxy+}/b", method = "GET")
        """);
    assertSingleError(compile(src), src,
        "[StratusInvalidHttpRoute] greedy parameter {proxy+} must be the last segment of '/a/{proxy+}/b'", "@HttpApiRoute");
  }

  @Test
  void scheduleExpressionsAreChecked() {
    JavaFileObject src = handler("Tick", """
        @CfFunction
        @OnSchedule("rate(5 minute)")
        """);
    assertSingleError(compile(src), src, "[StratusInvalidSchedule] 'rate(5 minute)' must say rate(5 minutes)",
        "@OnSchedule");
  }

  @Test
  void cronExpressionsAreChecked() {
    JavaFileObject src = handler("Cron", """
        @CfFunction
        @OnSchedule("cron(0 12 * * *)")
        """);
    assertSingleError(compile(src), src, "[StratusInvalidSchedule] 'cron(0 12 * * *)' has 5 fields; EventBridge cron "
        + "takes 6", "@OnSchedule");
  }

  @Test
  void aScheduleTimeZoneIsAnIanaName() {
    JavaFileObject src = handler("Zoned", """
        @CfFunction
        @OnSchedule(value = "cron(0 8 * * ? *)", timezone = "Europe/Berlim")
        """);
    assertSingleError(compile(src), src, "[StratusInvalidSchedule] time zone 'Europe/Berlim' is unknown; write an"
        + " IANA name such as Europe/Berlin", "@OnSchedule");
  }

  @Test
  void aOneTimeScheduleIsADateAndTime() {
    JavaFileObject src = handler("Once", """
        @CfFunction
        @OnSchedule("at(2027-01-31 09:00)")
        """);
    assertSingleError(compile(src), src, "[StratusInvalidSchedule] 'at(2027-01-31 09:00)' is not a one-time"
        + " schedule; write the date and time in the schedule's time zone as at(2027-01-31T09:00:00)", "@OnSchedule");
  }

  @Test
  void anEventPatternIsCheckedAsEventBridgeChecksItWithItsLineInTheText() {
    JavaFileObject src = handler("Rules", """
        @CfFunction
        @OnEventBridgeRule(pattern = \"""
            source: [shop.orders]
            detail:
              total: [{numeric: [">", 100, ">", 5]}]
            \""")
        """);
    assertSingleError(compile(src), src, "[StratusInvalidEventPattern] the event pattern is not one EventBridge takes"
        + " (line 3 of the text): numeric takes at most one lower and one upper bound", "@OnEventBridgeRule");
  }

  @Test
  void anEventPatternNamesTheEventsFields() {
    JavaFileObject src = handler("Rules", """
        @CfFunction
        @OnEventBridgeRule(pattern = "{detailType: [OrderPlaced]}")
        """);
    assertSingleError(compile(src), src, "[StratusInvalidEventPattern] the event pattern is not one EventBridge takes:"
        + " 'detailType' is no field of an EventBridge event; did you mean 'detail-type'?", "@OnEventBridgeRule");
  }

  @Test
  void aRulesBusIsAnEventBusOfTheTemplate() {
    JavaFileObject src = handler("Rules", """
        @CfFunction
        @OnEventBridgeRule(bus = "Jobs", pattern = "{source: [shop]}")
        """);
    assertSingleError(compile(src, jobsQueue()), src, "[StratusInvalidEventSource] EventBusName 'Jobs' is"
        + " AWS::SQS::Queue, not AWS::Events::EventBus; the template has no AWS::Events::EventBus", "@OnEventBridgeRule");
  }

  @Test
  void anUnknownBusIsNamed() {
    JavaFileObject src = handler("Rules", """
        @CfFunction
        @OnEventBridgeRule(bus = "OrderBus", pattern = "{source: [shop]}")
        """);
    JavaFileObject bus = source("Buses", """
        @CfResource(logicalId = "OrdersBus", type = "AWS::Events::EventBus", properties = "Name: orders")
        final class Buses {}
        """);
    assertSingleError(compile(src, bus), src, "[StratusUnknownReference] !Ref OrderBus names no parameter, resource or"
        + " pseudo parameter of the template; did you mean 'OrdersBus'?", "@OnEventBridgeRule");
  }

  @Test
  void aFunctionUrlIsOpenOrSignedAndBelongsToAFunction() {
    JavaFileObject src = handler("Webhook", """
        @CfFunction
        @FunctionUrl(authType = "IAM")
        """);
    assertSingleError(compile(src), src, "[StratusInvalidUrlAuthType] authType 'IAM' is not one a function URL takes:"
        + " write NONE (anyone may call it) or AWS_IAM (callers sign their requests with SigV4)", "authType = \"IAM\"");
    JavaFileObject alone = handler("Hook", "@FunctionUrl\n");
    assertSingleError(compile(alone), alone, "[StratusEventWithoutFunction] @FunctionUrl needs @CfFunction on the same"
        + " class: events belong to a function", "@FunctionUrl");
  }

  @Test
  void aStreamNeedsATableWithAStreamSpecification() {
    JavaFileObject src = handler("Changes", """
        @CfFunction
        @OnDynamoDbStream(table = "Orders")
        """);
    JavaFileObject table = source("Tables", """
        @CfResource(logicalId = "Orders", type = "AWS::DynamoDB::Table", properties = \"""
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            BillingMode: PAY_PER_REQUEST
            \""")
        final class Tables {}
        """);
    assertSingleError(compile(src, table), src, "[StratusTableWithoutStream] table 'Orders' has no stream to read: add"
        + " to its Properties StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES} (or NEW_IMAGE, OLD_IMAGE,"
        + " KEYS_ONLY)", "@OnDynamoDbStream");
  }

  @Test
  void aKinesisEventReadsAKinesisStreamAndItsBatchSizeIsOneKinesisTakes() {
    JavaFileObject src = handler("Clicks", """
        @CfFunction
        @OnKinesisRecord(stream = "Orders", batchSize = 20000)
        """);
    JavaFileObject table = source("Tables", """
        @CfResource(logicalId = "Orders", type = "AWS::DynamoDB::Table", properties = \"""
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            BillingMode: PAY_PER_REQUEST
            \""")
        @CfResource(logicalId = "Clicks", type = "AWS::Kinesis::Stream", properties = "ShardCount: 1")
        final class Tables {}
        """);
    Compilation compilation = compile(src, table);
    assertThat(compilation).hadErrorCount(2);
    assertThat(compilation).hadErrorContaining("[StratusInvalidBatchSize] batch size 20000 is out of range: a Kinesis"
        + " stream takes 1 to 10000; leave it out for SAM's default of 100").inFile(src)
        .onLineContaining("@OnKinesisRecord");
    assertThat(compilation).hadErrorContaining("[StratusInvalidEventSource] Stream 'Orders' is AWS::DynamoDB::Table,"
        + " not AWS::Kinesis::Stream; the template's AWS::Kinesis::Stream resources: Clicks").inFile(src)
        .onLineContaining("@OnKinesisRecord");
  }

  @Test
  void aStreamMethodThatReadsAnImageTheStreamLacksIsAnError() {
    JavaFileObject src = source("Stock", """
        import dev.stratus.runtime.TableChange;

        public class Stock {
          public record Item(String sku, int count) {}

          @CfFunction
          @OnDynamoDbStream(table = "Orders")
          public void changed(TableChange<Item> change) {
            int before = change.oldImage().map(Item::count).orElse(0);
            int after = change.newImage().map(Item::count).orElse(0);
          }

          @CfFunction
          @OnDynamoDbStream(table = "Orders", batchSize = 10)
          public void added(TableChange<Item> change) {
            change.newImage().ifPresent(item -> {});
          }
        }
        """);
    JavaFileObject table = source("Tables", """
        @CfResource(logicalId = "Orders", type = "AWS::DynamoDB::Table", properties = \"""
            AttributeDefinitions: [{AttributeName: sku, AttributeType: S}]
            KeySchema: [{AttributeName: sku, KeyType: HASH}]
            BillingMode: PAY_PER_REQUEST
            StreamSpecification: {StreamViewType: NEW_IMAGE}
            \""")
        final class Tables {}
        """);
    assertSingleError(compile(src, table), src, "[StratusStreamLacksImages] Stock.changed reads each change's"
        + " oldImage(), but table 'Orders' streams NEW_IMAGE, which carries none: set its StreamSpecification to"
        + " {StreamViewType: NEW_AND_OLD_IMAGES}", "@OnDynamoDbStream(table = \"Orders\")");
  }

  @Test
  void aStreamStartsWhereDynamoDbCanStartIt() {
    JavaFileObject src = handler("Changes", """
        @CfFunction
        @OnDynamoDbStream(table = "Orders", startingPosition = "AT_TIMESTAMP")
        """);
    JavaFileObject table = source("Tables", """
        @CfResource(logicalId = "Orders", type = "AWS::DynamoDB::Table", properties = \"""
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            BillingMode: PAY_PER_REQUEST
            StreamSpecification: {StreamViewType: NEW_IMAGE}
            \""")
        final class Tables {}
        """);
    assertSingleError(compile(src, table), src, "[StratusInvalidStartingPosition] StartingPosition 'AT_TIMESTAMP' is not"
        + " one a DynamoDB stream takes: write LATEST (records from now on) or TRIM_HORIZON (all the stream holds)",
        "@OnDynamoDbStream");
  }

  @Test
  void scheduleInputMustBeJson() {
    JavaFileObject src = handler("Input", """
        @CfFunction
        @OnSchedule(value = "rate(1 hour)", input = "{\\"a\\": [1, 2}")
        """);
    assertSingleError(compile(src), src, "[StratusYamlSyntax] input does not parse as YAML", "input =");
  }

  @Test
  void batchSizeIsInRange() {
    JavaFileObject storage = jobsQueue();
    JavaFileObject src = handler("Worker", """
        @CfFunction
        @OnSqsMessage(queue = "Jobs", batchSize = 20000)
        """);
    assertSingleError(compile(storage, src), src, "[StratusInvalidBatchSize] batch size 20000 is out of range: SQS takes"
        + " 1 to 10000; leave it out for SAM's default of 10", "@OnSqsMessage");
  }

  @Test
  void valuesWrittenAreCheckedEvenWhenTheyEqualTheDefault() {
    JavaFileObject storage = jobsQueue();
    JavaFileObject src = handler("Worker", """
        @CfFunction(
            memorySize = 0,
            timeout = 0)
        @OnSqsMessage(queue = "Jobs", batchSize = 0)
        """);
    Compilation c = compile(storage, src);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[StratusInvalidBatchSize] batch size 0 is out of range: SQS takes 1 to 10000; leave"
        + " it out for SAM's default of 10").inFile(src).onLineContaining("batchSize = 0");
    assertThat(c).hadErrorContaining("[StratusInvalidMemorySize] memorySize 0 is out of range: Lambda allows 128 to 10240"
        + " MB; leave it out to inherit the default").inFile(src).onLineContaining("memorySize = 0");
    assertThat(c).hadErrorContaining("[StratusInvalidTimeout] timeout 0 is out of range: Lambda allows 1 to 900 seconds;"
        + " leave it out to inherit the default").inFile(src).onLineContaining("timeout = 0");
  }

  @Test
  void snsHasNoBatchSize() {
    JavaFileObject topics = alertsTopic();
    JavaFileObject src = handler("Listener", """
        @CfFunction
        @OnSnsMessage(topic = "Alerts", batchSize = 5)
        """);
    assertSingleError(compile(topics, src), src, "[StratusSnsBatchSize] SNS invokes a function once per message, so "
        + "batchSize has no effect here; to take batches, subscribe an SQS queue to the topic and use "
        + "@OnSqsMessage(queue = ..., batchSize = 5)", "batchSize = 5");
  }

  @Test
  void snsHasNoBatchSizeEvenAZeroWritten() {
    JavaFileObject topics = alertsTopic();
    JavaFileObject src = handler("Listener", """
        @CfFunction
        @OnSnsMessage(topic = "Alerts", batchSize = 0)
        """);
    assertSingleError(compile(topics, src), src, "[StratusSnsBatchSize] SNS invokes a function once per message, so "
        + "batchSize has no effect here; to take batches, subscribe an SQS queue to the topic and use "
        + "@OnSqsMessage(queue = ..., batchSize = 0)", "batchSize = 0");
  }

  @Test
  void s3BucketMustBeABucketOfTheTemplate() {
    JavaFileObject storage = jobsQueue();
    JavaFileObject src = handler("Upload", """
        @CfFunction
        @OnS3Event(bucket = "Jobs")
        @OnS3Event(bucket = "Uploads", name = "Missing")
        """);
    Compilation c = compile(storage, src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[StratusInvalidEventSource] Bucket 'Jobs' is AWS::SQS::Queue, not AWS::S3::Bucket;"
        + " the template has no AWS::S3::Bucket")
        .inFile(src).onLineContaining("bucket = \"Jobs\"");
    assertThat(c).hadErrorContaining("[StratusUnknownReference] !Ref Uploads names no parameter, resource or pseudo "
        + "parameter of the template").inFile(src).onLineContaining("bucket = \"Uploads\"");
  }

  @Test
  void queuesAndTopicsMustBeOfTheirType() {
    JavaFileObject storage = source("Things", """
        @CfResource(logicalId = "Jobs", type = "AWS::SQS::Queue")
        @CfResource(logicalId = "Alerts", type = "AWS::SNS::Topic")
        final class Things {}
        """);
    JavaFileObject src = handler("Mixed", """
        @CfFunction
        @OnSqsMessage(queue = "Alerts")
        @OnSnsMessage(topic = "Jobs")
        """);
    Compilation c = compile(storage, src);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("Queue 'Alerts' is AWS::SNS::Topic, not AWS::SQS::Queue").inFile(src)
        .onLineContaining("@OnSqsMessage");
    assertThat(c).hadErrorContaining("[StratusUnknownAttribute] !GetAtt Alerts.Arn: AWS::SNS::Topic has no attribute "
        + "'Arn'").inFile(src).onLineContaining("@OnSqsMessage");
    assertThat(c).hadErrorContaining("Topic 'Jobs' is AWS::SQS::Queue, not AWS::SNS::Topic").inFile(src)
        .onLineContaining("@OnSnsMessage");
  }

  @Test
  void eventNamesAreAlphanumericAndUnique() {
    JavaFileObject src = handler("Named", """
        @CfFunction
        @OnSchedule(value = "rate(1 hour)", name = "every-hour")
        @OnSchedule(value = "rate(2 hours)", name = "Tick")
        @OnSchedule(value = "rate(3 hours)", name = "Tick")
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[StratusInvalidEventName] event name 'every-hour' is not valid: use letters and digits"
        + " only, e.g. 'everyhour'").inFile(src)
        .onLineContaining("every-hour");
    assertThat(c).hadErrorContaining("[StratusDuplicateEventName] event name 'Tick' is used twice on this function; set a"
        + " distinct name = \"...\"").inFile(src)
        .onLineContaining("rate(3 hours)");
  }

  // --- references, ids, conditions ---

  @Test
  void referencesMustNameSomething() {
    JavaFileObject src = handler("Refs", """
        @CfFunction(environment = {
            @Env(name = "TABLE", value = "!Ref FilesTabel"),
            @Env(name = "ARN", value = "!GetAtt Bucket.Arn"),
            @Env(name = "URL", value = "!Sub https://${Api}.example.com/${AWS::Region}")})
        @CfResource(logicalId = "FilesTable", type = "AWS::SQS::Queue")
        @OnSchedule("rate(1 day)")
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[StratusUnknownReference] !Ref FilesTabel names no parameter, resource or pseudo "
        + "parameter of the template; did you mean 'FilesTable'?").inFile(src).onLineContaining("FilesTabel");
    assertThat(c).hadErrorContaining("!GetAtt Bucket.Arn names no resource of the template").inFile(src)
        .onLineContaining("Bucket.Arn");
    assertThat(c).hadErrorContaining("${Api} in !Sub names no parameter, resource or pseudo parameter").inFile(src)
        .onLineContaining("${Api}");
  }

  @Test
  void pseudoParametersAndSamGeneratedNamesAreKnown() {
    JavaFileObject src = handler("Known", """
        @CfFunction(environment = {
            @Env(name = "REGION", value = "!Ref AWS::Region"),
            @Env(name = "ROLE", value = "!GetAtt KnownFunctionRole.Arn"),
            @Env(name = "STACK", value = "!Sub ${AWS::StackName}-${AWS::AccountId}")})
        @ApiRoute(path = "/", method = "GET")
        @CfOutput(name = "Url", value = "!Sub https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/Prod")
        """);
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void malformedIntrinsicsAreYamlErrors() {
    JavaFileObject src = handler("Bad", """
        @CfFunction(environment = @Env(name = "ARN", value = "!GetAtt BucketArn"))
        """);
    assertSingleError(compile(src), src, "[StratusYamlSyntax] environment value of ARN does not parse as YAML: !GetAtt "
        + "takes 'LogicalId.Attribute', e.g. !GetAtt FilesTable.Arn; got 'BucketArn'", "BucketArn");
  }

  @Test
  void logicalIdsMustBeAlphanumeric() {
    JavaFileObject src = source("Ids", """
        @CfResource(logicalId = "files-bucket", type = "AWS::S3::Bucket")
        final class Ids {}
        """);
    assertSingleError(compile(src), src, "[StratusInvalidId] 'files-bucket' is not a valid name: use 1 to 255 letters "
        + "and digits only, e.g. 'filesbucket'", "files-bucket");
  }

  @Test
  void duplicateIdsAcrossTypesNameBothPlaces() {
    JavaFileObject a = source("A", """
        @CfResource(logicalId = "Files", type = "AWS::S3::Bucket")
        final class A {}
        """);
    JavaFileObject b = source("B", """
        @CfResource(logicalId = "Files", type = "AWS::DynamoDB::Table")
        final class B {}
        """);
    assertSingleError(compile(a, b), b, "[StratusDuplicateId] 'Files' is defined twice in Resources: in com.example.A and "
        + "in com.example.B; rename one or remove the other", "logicalId = \"Files\"");
  }

  @Test
  void aFunctionIdMayClashWithAResource() {
    JavaFileObject src = handler("Upload", """
        @CfFunction
        @CfResource(logicalId = "UploadFunction", type = "AWS::SQS::Queue")
        @OnSchedule("rate(1 day)")
        """);
    assertSingleError(compile(src), src, "[StratusDuplicateId] resource 'UploadFunction' is declared twice on this "
        + "element; rename one or remove the other", "logicalId = \"UploadFunction\"");
  }

  @Test
  void duplicateParametersOnOneElement() {
    JavaFileObject src = source("Params", """
        @CfParameter(name = "Stage")
        @CfParameter(name = "Stage", defaultValue = "dev")
        final class Params {}
        """);
    assertSingleError(compile(src), src, "[StratusDuplicateId] parameter 'Stage' is declared twice on this element",
        "defaultValue = \"dev\"");
  }

  @Test
  void conditionsMustBeDefined() {
    JavaFileObject src = handler("Cond", """
        @CfFunction(condition = "IsProd")
        @OnSchedule("rate(1 day)")
        """);
    assertSingleError(compile(src), src, "[StratusUnknownCondition] condition 'IsProd' is not defined; declare it with "
        + "@CfCondition or in the base template", "condition = \"IsProd\"");
  }

  @Test
  void conditionsSuggestTheClosestName() {
    JavaFileObject src = source("Res", """
        @CfParameter(name = "Stage")
        @CfCondition(name = "IsProd", value = "!Equals [!Ref Stage, prod]")
        @CfResource(logicalId = "Archive", type = "AWS::S3::Bucket", condition = "IsPrd")
        @CfOutput(name = "Out", value = "!Ref Stage", condition = "IsProdd")
        final class Res {}
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("condition 'IsPrd' is not defined; did you mean 'IsProd'?").inFile(src)
        .onLineContaining("condition = \"IsPrd\"");
    assertThat(c).hadErrorContaining("condition 'IsProdd' is not defined; did you mean 'IsProd'?").inFile(src)
        .onLineContaining("condition = \"IsProdd\"");
  }

  @Test
  void conditionsMayOnlyReferToParameters() {
    JavaFileObject src = source("Cond2", """
        @CfResource(logicalId = "Files", type = "AWS::S3::Bucket")
        @CfCondition(name = "HasFiles", value = "!Equals [!Ref Files, '']")
        final class Cond2 {}
        """);
    assertSingleError(compile(src), src, "[StratusInvalidReference] !Ref Files: a condition may only refer to "
        + "parameters and pseudo parameters", "HasFiles");
  }

  @Test
  void conditionsMustBeConditionFunctions() {
    JavaFileObject src = source("Cond3", """
        @CfCondition(name = "Always", value = "!Ref AWS::Region")
        final class Cond3 {}
        """);
    assertSingleError(compile(src), src, "[StratusNotACondition] a condition must be a condition function (!Equals, !Not, !And, !Or"
        + " or !Condition); got '!Ref AWS::Region'", "Always");
  }

  // --- YAML text ---

  @Test
  void yamlErrorsGiveTheLineInsideTheTextBlock() {
    JavaFileObject src = source("Yaml", """
        @CfResource(logicalId = "Files", type = "AWS::S3::Bucket", properties = \"""
            VersioningConfiguration:
              Status: Enabled
            Tags: [{Key: a, Value: b}
            \""")
        final class Yaml {}
        """);
    assertSingleError(compile(src), src, "[StratusYamlSyntax] properties of Files does not parse as YAML: line 4 of the "
        + "text: ", "properties =");
  }

  @Test
  void propertiesMustBeAMapping() {
    JavaFileObject src = source("List", """
        @CfResource(logicalId = "Files", type = "AWS::S3::Bucket", properties = "- a\\n- b")
        final class List {}
        """);
    assertSingleError(compile(src), src, "[StratusNotAMapping] properties of Files must be a YAML mapping", "properties");
  }

  @Test
  void globalsMustBeAMapping() {
    JavaFileObject src = source("G", """
        @CfGlobals("Function")
        final class G {}
        """);
    assertSingleError(compile(src), src, "[StratusNotAMapping] @CfGlobals must be a YAML mapping (key: value lines), e.g. "
        + "\"\"\"", "@CfGlobals");
  }

  @Test
  void resourcePoliciesAndParameterDefaultsAreChecked() {
    JavaFileObject src = source("Policies", """
        @CfResource(logicalId = "Files", type = "AWS::S3::Bucket", deletionPolicy = "Keep")
        @CfResource(logicalId = "Logs", type = "AWS::S3::Bucket", deletionPolicy = "Retain",
            updateReplacePolicy = "RetainExceptOnCreate")
        @CfParameter(name = "Stage", defaultValue = "test", allowedValues = {"dev", "prod"})
        @CfOutput(name = "Names", value = "!Sub ${Files}-${Logs}")
        final class Policies {}
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(3);
    assertThat(c).hadErrorContaining("[StratusInvalidUpdateReplacePolicy] updateReplacePolicy 'RetainExceptOnCreate' is not"
        + " one of Delete, Retain, Snapshot").inFile(src).onLineContaining("updateReplacePolicy");
    assertThat(c).hadErrorContaining("[StratusInvalidDeletionPolicy] deletionPolicy 'Keep' is not one of Delete, Retain, RetainExceptOnCreate, Snapshot")
        .inFile(src).onLineContaining("Keep");
    assertThat(c).hadErrorContaining("[StratusDefaultNotAllowed] defaultValue 'test' is not among allowedValues [dev, prod]")
        .inFile(src).onLineContaining("defaultValue");
  }

  @Test
  void limitsAreCheckedAtCompileTime() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 501; i++) {
      body.append("@CfResource(logicalId = \"Q").append(i).append("\", type = \"AWS::SQS::Queue\")\n");
    }
    JavaFileObject src = source("Many", body + "final class Many {}\n");
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[StratusLimitExceeded] Resources has 501 entries; CloudFormation allows 500 "
        + "(1 too many): split the stack");
  }

  // --- CloudFormation knowledge ---

  @Test
  void resourceTypesAndPropertiesAreChecked() {
    JavaFileObject src = source("Store", """
        @CfResource(logicalId = "Files", type = "AWS::S3::Bucket", properties = \"""
            VersioningConfiguration:
              Status: Enabled
            BucketNme: files
            \""")
        @CfResource(logicalId = "Jobs", type = "AWS::SQS::Queus")
        @CfOutput(name = "A", value = "!Ref Files")
        @CfOutput(name = "B", value = "!Ref Jobs")
        final class Store {}
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(2);
    // javac points at the text block's first line; the message says which line of it holds the mistake.
    assertThat(c).hadErrorContaining("[StratusUnknownProperty] line 3 of properties: 'BucketNme: files': AWS::S3::Bucket"
        + " has no property 'BucketNme'; did you mean 'BucketName'?").inFile(src).onLineContaining("properties =");
    assertThat(c).hadErrorContaining("[StratusUnknownResourceType] unknown resource type 'AWS::SQS::Queus'; did you "
        + "mean AWS::SQS::Queue, AWS::PCS::Queue?").inFile(src).onLineContaining("logicalId = \"Jobs\"");
  }

  @Test
  void getAttAttributesAreChecked() {
    JavaFileObject src = handler("Att", """
        @CfResource(logicalId = "Jobs", type = "AWS::SQS::Queue")
        @CfFunction(environment = @Env(name = "QUEUE", value = "!GetAtt Jobs.Url"))
        @OnSqsMessage(queue = "Jobs")
        """);
    assertSingleError(compile(src), src, "[StratusUnknownAttribute] !GetAtt Jobs.Url: AWS::SQS::Queue has no attribute "
        + "'Url'; it has Arn, ", "Jobs.Url");
  }

  @Test
  void runtimesAreChecked() {
    JavaFileObject src = handler("Old", """
        @CfFunction(runtime = "java8")
        @OnSchedule("rate(1 day)")
        """);
    assertSingleError(compile(src), src, "[StratusInvalidRuntime] Lambda no longer creates functions on 'java8'",
        "@CfFunction");
  }

  @Test
  void conditionalResourcesNeedTheirConditionWhereTheyAreUsed() {
    JavaFileObject src = handler("Archiver", """
        @CfParameter(name = "Stage")
        @CfCondition(name = "IsProd", value = "!Equals [!Ref Stage, prod]")
        @CfResource(logicalId = "Archive", type = "AWS::S3::Bucket", condition = "IsProd")
        @CfFunction(environment = {
            @Env(name = "ARCHIVE", value = "!Ref Archive"),
            @Env(name = "MAYBE", value = "!If [IsProd, !Ref Archive, !Ref AWS::NoValue]")})
        @OnSchedule("rate(1 day)")
        """);
    assertSingleError(compile(src), src, "[StratusConditionalReference] !Ref Archive refers to a resource that exists "
        + "only when IsProd holds", "value = \"!Ref Archive\"");
  }

  @Test
  void theBucketNotificationCycleIsExplainedOnTheFunction() {
    JavaFileObject src = handler("OnUpload", """
        @CfResource(logicalId = "Uploads", type = "AWS::S3::Bucket")
        @CfFunction(policies = "S3ReadPolicy: {BucketName: !Ref Uploads}")
        @OnS3Event(bucket = "Uploads")
        """);
    assertSingleError(compile(src), src, "[StratusDependencyCycle] circular dependency: OnUploadFunction → "
        + "OnUploadFunctionRole → Uploads → OnUploadFunction; the bucket notifies a function that refers to it: name the"
        + " bucket from a parameter",
        "@CfFunction");
  }

  @Test
  void eventsMustFitTheHandlersInput() {
    JavaFileObject src = source("Mismatch", """
        @CfResource(logicalId = "Uploads", type = "AWS::S3::Bucket")
        @CfFunction
        @ApiRoute(path = "/x", method = "GET")
        @OnS3Event(bucket = "Uploads")
        public class Mismatch implements RequestHandler<APIGatewayProxyRequestEvent, String> {
          public String handleRequest(APIGatewayProxyRequestEvent in, Context c) { return ""; }
        }
        """);
    assertSingleError(compile(src), src, "[StratusEventTypeMismatch] @OnS3Event delivers S3Event, but Mismatch"
        + " takes APIGatewayProxyRequestEvent: take S3Event instead, or a Map or RequestStreamHandler to accept several"
        + " kinds of event", "@OnS3Event");
  }

  @Test
  void genericAndStreamHandlersAcceptAnyEvent() {
    JavaFileObject src = source("Anything", """
        @CfResource(logicalId = "Uploads", type = "AWS::S3::Bucket")
        @CfFunction
        @OnS3Event(bucket = "Uploads")
        @OnSchedule("rate(1 day)")
        public class Anything implements RequestHandler<Map<String, Object>, String> {
          public String handleRequest(Map<String, Object> in, Context c) { return ""; }
        }
        """);
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void warningsPointAtWhatIsUnused() {
    JavaFileObject src = handler("Quiet", """
        @CfParameter(name = "Unused")
        @CfResource(logicalId = "Lonely", type = "AWS::SQS::Queue")
        @CfFunction
        @ApiRoute(path = "/a", method = "GET")
        @HttpApiRoute(path = "/b", method = "GET")
        """);
    Compilation c = compile(src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(3);
    assertThat(c).hadWarningContaining("[StratusUnusedParameter] parameter 'Unused' is never referenced").inFile(src)
        .onLineContaining("Unused");
    assertThat(c).hadWarningContaining("[StratusUnusedResource] resource 'Lonely' is referenced by nothing").inFile(src)
        .onLineContaining("Lonely");
    assertThat(c).hadWarningContaining("[StratusMixedApiKinds] QuietFunction is behind both a REST API").inFile(src)
        .onLineContaining("@CfFunction");
  }

  @Test
  void aFunctionWithoutEventIsWarnedAbout() {
    JavaFileObject src = handler("Direct", "@CfFunction");
    Compilation c = compile(src);
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining("[StratusFunctionWithoutEvents] DirectFunction has no event").inFile(src)
        .onLineContaining("@CfFunction");
  }

  @Test
  void limitsCanBeWarningsForBuildsThatSplitTheTemplate() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 501; i++) {
      body.append("@CfResource(logicalId = \"Q").append(i).append("\", type = \"AWS::SQS::Queue\")\n");
      body.append("@CfOutput(name = \"O").append(i).append("\", value = \"!Ref Q").append(i).append("\")\n");
    }
    Compilation c = compile(List.of("-A" + StratusProcessor.LIMITS_OPTION + "=warn"),
        source("Many", body + "final class Many {}\n"));
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[StratusLimitExceeded] Resources has 501 entries");
    assertThat(c).hadWarningContaining("[StratusLimitExceeded] Outputs has 501 entries");
  }

  // --- the base template ---

  @Test
  void theBaseTemplateDefinesNamesAndClashes(@TempDir Path dir) throws IOException {
    Path base = Files.writeString(dir.resolve("template.yaml"), """
        Parameters:
          BucketName: {Type: String}
        Resources:
          Files: {Type: AWS::S3::Bucket, Properties: {BucketName: !Ref BucketName}}
        """);
    JavaFileObject ok = handler("Uses", """
        @CfFunction(environment = @Env(name = "BUCKET", value = "!Ref BucketName"))
        @OnS3Event(bucket = "Files")
        """);
    List<String> options = List.of("-A" + StratusProcessor.BASE_TEMPLATE_OPTION + "=" + base);
    assertThat(compile(options, ok)).succeededWithoutWarnings();

    JavaFileObject clash = source("Clash", """
        @CfResource(logicalId = "Files", type = "AWS::S3::Bucket")
        final class Clash {}
        """);
    assertSingleError(compile(options, clash), clash, "[StratusDuplicateId] 'Files' is defined twice in Resources: in "
        + base + " and in com.example.Clash", "logicalId");
  }

  @Test
  void aBrokenBaseTemplateIsReported(@TempDir Path dir) throws IOException {
    Path base = Files.writeString(dir.resolve("template.yaml"), "Resources:\n  Files: [\n");
    JavaFileObject src = source("Any", """
        @CfParameter(name = "Stage")
        final class Any {}
        """);
    Compilation c = compile(List.of("-A" + StratusProcessor.BASE_TEMPLATE_OPTION + "=" + base), src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[StratusBaseTemplate] the base template cannot be read: " + base + ":3:1: ");
  }

  @Test
  void aMistakeInTheBaseTemplateNamesItsFileLineAndColumn(@TempDir Path dir) throws IOException {
    Path base = Files.writeString(dir.resolve("template.yaml"), """
        Resources:
          Files:
            Type: AWS::S3::Bucket
            Properties:
              CorsConfiguration:
                CorsRules:
                  - AllowedMethod: [GET]
                    AllowedOrigins: ['*']
        """);
    JavaFileObject src = handler("Reader", """
        @CfFunction(environment = @Env(name = "BUCKET", value = "!Ref Files"))
        @OnSchedule("rate(1 day)")
        """);
    Compilation c = compile(List.of("-A" + StratusProcessor.BASE_TEMPLATE_OPTION + "=" + base), src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(base + ":7:13: [StratusUnknownProperty] Resources/Files/Properties/"
        + "CorsConfiguration/CorsRules/0/AllowedMethod: CorsRule has no property 'AllowedMethod'; did you mean"
        + " 'AllowedMethods'?");
  }

  @Test
  void textStartingWithATagMustBeAnIntrinsic() {
    JavaFileObject src = handler("Tagged", """
        @CfFunction(environment = @Env(name = "MODE", value = "!!str plain"))
        @OnSchedule("rate(1 day)")
        """);
    assertSingleError(compile(src), src, "[StratusYamlSyntax] environment value of MODE does not parse as YAML:"
        + " '!!str plain' starts with '!' but is no intrinsic function", "!!str plain");
  }

  @Test
  void policiesPointAtTheirOwnEntry() {
    JavaFileObject src = handler("Reader", """
        @CfResource(logicalId = "Files", type = "AWS::SQS::Queue")
        @CfFunction(policies = {
            "AWSLambdaBasicExecutionRole",
            "DynamoDBCrudPolicyy: {TableName: !Ref Files}"})
        @OnSchedule("rate(1 day)")
        """);
    assertSingleError(compile(src), src, "[StratusUnknownPolicyTemplate] 'DynamoDBCrudPolicyy' is not a SAM policy"
        + " template; did you mean 'DynamoDBCrudPolicy'?", "DynamoDBCrudPolicyy");
  }

  @Test
  void theSameRouteOnTwoFunctionsIsAnErrorNamingBoth() {
    JavaFileObject list = handler("ListHandler", """
        @CfFunction
        @ApiRoute(path = "/products", method = "GET")
        """);
    JavaFileObject search = handler("SearchHandler", """
        @CfFunction
        @ApiRoute(path = "/products", method = "get")
        """);
    assertSingleError(compile(list, search), search, "[StratusDuplicateRoute] GET /products on ServerlessRestApi is"
        + " served twice: by ListFunction (event GetProducts) and by SearchFunction (event GetProducts); remove one or"
        + " change its method or path", "@ApiRoute");
  }

  @Test
  void globalsAreCheckedOnTheirAnnotation() {
    JavaFileObject src = source("Defaults", """
        @CfGlobals(\"""
            Function:
              Timeout: 20
              MemorySize: big
            \""")
        final class Defaults {}
        """);
    assertSingleError(compile(src), src, "[StratusInvalidPropertyValue] line 3 of value: 'MemorySize: big': MemorySize"
        + " must be an integer; got 'big'", "@CfGlobals");
  }
}
