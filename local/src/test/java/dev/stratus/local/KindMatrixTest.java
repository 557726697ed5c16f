package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.runtime.ApiRequest;
import dev.stratus.runtime.Codecs;
import dev.stratus.runtime.EventSource;
import dev.stratus.runtime.Events;
import dev.stratus.runtime.JsonReader;
import dev.stratus.template.connect.Permissions;
import dev.stratus.template.events.EventKind;
import dev.stratus.template.events.SamEvent;
import dev.stratus.template.events.SamEvents;
import dev.stratus.template.events.Typed;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event kind, through every consumer of its description: a kind added to {@link SamEvents#KINDS} fails
 * here until it has an event below and each consumer handles it — the local runtime's sample event (what
 * {@code invoke} and {@code generate-event} send, in {@link dev.stratus.runtime.LambdaEvents}' shapes), the
 * runtime's {@link EventSource} that takes its records out, the permissions report's trigger, and partial batch
 * failures where the kind reports them. The local runtime's delivery is a {@link SamEvent.Visitor}: it does not
 * compile without the kind.
 */
class KindMatrixTest {
  /** One event of each kind, as a function's {@code Events} entry, on the resources of {@link #TEMPLATE}. */
  private static final Map<String, String> EVENTS = Map.of(
      "ApiRoute", "{Type: Api, Properties: {Path: '/items/{id}', Method: get}}",
      "HttpApiRoute", "{Type: HttpApi, Properties: {Path: /items, Method: post}}",
      "OnS3Event", "{Type: S3, Properties: {Bucket: !Ref Uploads, Events: 's3:ObjectCreated:*'}}",
      "OnSchedule", "{Type: Schedule, Properties: {Schedule: rate(1 hour)}}",
      "OnSqsMessage", "{Type: SQS, Properties: {Queue: !GetAtt Jobs.Arn}}",
      "OnSnsMessage", "{Type: SNS, Properties: {Topic: !Ref Alerts}}",
      "OnEventBridgeRule", "{Type: EventBridgeRule, Properties: {Pattern: {source: [shop]}, EventBusName: !Ref Orders}}",
      "OnDynamoDbStream", "{Type: DynamoDB, Properties: {Stream: !GetAtt Stock.StreamArn, StartingPosition: LATEST}}",
      "OnKinesisRecord", "{Type: Kinesis, Properties: {Stream: !GetAtt Clicks.Arn, StartingPosition: LATEST}}");

  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Uploads: {Type: AWS::S3::Bucket}
        Jobs: {Type: AWS::SQS::Queue}
        Alerts: {Type: AWS::SNS::Topic}
        Orders: {Type: AWS::Events::EventBus, Properties: {Name: orders}}
        Stock:
          Type: AWS::DynamoDB::Table
          Properties:
            AttributeDefinitions: [{AttributeName: sku, AttributeType: S}]
            KeySchema: [{AttributeName: sku, KeyType: HASH}]
            StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
        Clicks: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 1}}
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            Handler: example.Fn::handleRequest
            Runtime: java21
            CodeUri: fn.jar
            Events:
              Trigger: %s
      """;

  static Stream<EventKind<?>> kinds() {
    return SamEvents.KINDS.stream();
  }

  /** A function URL is no event kind but a function's property; its sample is an HTTP API request all the same. */
  @Test
  void aFunctionUrlsSampleIsAnHttpApiRequestOnItsDefaultRoute(@TempDir Path dir) throws IOException {
    LocalStack stack = LocalStack.load(Files.writeString(dir.resolve("template.yaml"), """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Hook:
            Type: AWS::Serverless::Function
            Properties: {Handler: example.Hook::handleRequest, Runtime: java21, CodeUri: fn.jar, FunctionUrlConfig: {AuthType: NONE}}
        """), Map.of(), "matrix");
    String sample = new String(SampleEvents.of(stack, "Hook"), StandardCharsets.UTF_8);
    assertThat(ApiRequest.parse(sample).method()).isEqualTo("POST");
    assertThat(sample).contains("\"version\":\"2.0\"", "\"routeKey\":\"$default\"", "\"rawPath\":\"/\"");
  }

  @ParameterizedTest(name = "@{0}")
  @MethodSource("kinds")
  void everyConsumerHandlesTheKind(EventKind<?> kind, @TempDir Path dir) throws IOException {
    String event = EVENTS.get(kind.annotation());
    assertThat(event).as("an event of @%s in this test's EVENTS", kind.annotation()).isNotNull();
    Typed typed = kind.typed();
    assertThat(typed).as("what a typed method of @%s is handed (EventKind.typed)", kind.annotation()).isNotNull();

    LocalStack stack = LocalStack.load(Files.writeString(dir.resolve("template.yaml"), TEMPLATE.formatted(event)),
        Map.of(), "matrix");
    SamEvent read = SamEvents.of(stack.resources.get("Fn")).get("Trigger");
    assertThat(kind.samTypes()).as("the event reads back as its kind").contains(read.type());

    String sample = new String(SampleEvents.of(stack, "Fn"), StandardCharsets.UTF_8);
    switch (typed.shape()) {
      case ROUTE -> assertThat(ApiRequest.parse(sample).method()).isIn("GET", "POST");
      case WHOLE_INPUT -> assertThat(JsonReader.read(sample, Codecs.ANY)).isInstanceOf(Map.class);
      case EACH_RECORD -> {
        EventSource<?> source = source(typed);
        List<Object> items = new ArrayList<>();
        assertThat(Events.each(source, sample, null, (item, c) -> items.add(item))).isNotNull();
        assertThat(items).as("the records the runtime takes out of the sample event").hasSize(1).doesNotContainNull();
        if (typed.item() != null) {
          assertThat(items.get(0).getClass().getName()).isEqualTo(typed.item());
        }
      }
    }

    if (typed.reportsFailures()) {
      assertThat(read.reportingBatchItemFailures().properties().get("FunctionResponseTypes")).isNotNull();
      assertThat(source(typed).reportsFailures()).as("the runtime reports the failed records").isTrue();
    }

    Permissions.Function fn = Permissions.of(stack.template).stream().filter(f -> f.id().equals("Fn")).findFirst()
        .orElseThrow();
    assertThat(fn.triggers()).as("the permissions report's trigger").singleElement()
        .satisfies(t -> assertThat(t.text()).startsWith(read.type() + " "));
  }

  /** The runtime's constant the generated handlers of the kind name, with the item type the description says. */
  private static EventSource<?> source(Typed typed) {
    try {
      var field = EventSource.class.getField(typed.source());
      if (typed.item() != null) {
        var item = ((ParameterizedType) field.getGenericType()).getActualTypeArguments()[0];
        assertThat(item.getTypeName()).isEqualTo(typed.item());
      }
      return (EventSource<?>) field.get(null);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("the runtime has no EventSource." + typed.source() + " for " + typed.items(), e);
    }
  }
}
