package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * EventBridge from the template: the SDK's own client puts events, and each reaches the functions whose rules on
 * its bus match it, and no other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventBridgeIT {
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        OrdersBus: {Type: AWS::Events::EventBus, Properties: {Name: orders}}
        BigOrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$BusLogger::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Big:
                Type: EventBridgeRule
                Properties:
                  EventBusName: !Ref OrdersBus
                  Pattern:
                    source: [shop.orders]
                    detail-type: [OrderPlaced]
                    detail: {total: [{numeric: ['>=', 100]}]}
        EveryOrderFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$BusLogger::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Any: {Type: EventBridgeRule, Properties: {EventBusName: !Ref OrdersBus, Pattern: {source: [{prefix: shop.}]}}}
        DefaultBusFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$BusLogger::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Any: {Type: CloudWatchEvent, Properties: {Pattern: {source: [{prefix: shop.}]}}}
        RawRule:
          Type: AWS::Events::Rule
          Properties:
            EventBusName: !Ref OrdersBus
            EventPattern: {source: [shop.refunds], detail: {amount: [{numeric: ['>', 0]}]}}
            Targets: [{Arn: !GetAtt RawRuleFunction.Arn, Id: refunds}]
        RawRuleFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$BusLogger::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
        EnvironmentFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Environment::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Environment: {Variables: {BUS_ARN: !GetAtt OrdersBus.Arn, BUS: !Ref OrdersBus}}
      """;

  private LocalServer server;
  private EventBridgeClient events;
  private final ServeLog log = new ServeLog();

  @BeforeAll
  void start() throws IOException {
    server = TestStacks.serve("bus", TEMPLATE, 2, log);
    events = LocalClients.of(EventBridgeClient.builder(), server.eventBridgeEndpoint());
  }

  @AfterAll
  void stop() {
    events.close();
    server.close();
  }

  private PutEventsResponse put(String bus, String source, String detailType, String detail) {
    return events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(bus).source(source)
        .detailType(detailType).detail(detail).build()));
  }

  @Test
  void anEventReachesEveryRuleOfItsBusThatMatchesAndNoOther() throws InterruptedException {
    PutEventsResponse big = put("orders", "shop.orders", "OrderPlaced", "{\"id\": \"o-1\", \"total\": 150}");
    assertThat(big.failedEntryCount()).isZero();
    assertThat(big.entries().get(0).eventId()).isNotBlank();
    put("arn:aws:events:us-east-1:000000000000:event-bus/orders", "shop.orders", "OrderPlaced",
        "{\"id\": \"o-2\", \"total\": 20}");
    log.await("both orders at the function of every order", () -> log.text().contains("[EveryOrderFunction] event OrderPlaced"
        + " {\"id\":\"o-1\",\"total\":150}") && log.text().contains("[EveryOrderFunction] event OrderPlaced"
        + " {\"id\":\"o-2\",\"total\":20}"));
    log.await("the big order", () -> log.text().contains("[BigOrdersFunction] event OrderPlaced {\"id\":\"o-1\""));
    assertThat(log.text()).doesNotContain("[BigOrdersFunction] event OrderPlaced {\"id\":\"o-2\"")
        .doesNotContain("[DefaultBusFunction]");
  }

  @Test
  void aRuleOfTheTemplateItselfReachesItsTargetFunction() throws InterruptedException {
    put("orders", "shop.refunds", "RefundIssued", "{\"id\": \"f-0\", \"amount\": 0}");
    put("orders", "shop.refunds", "RefundIssued", "{\"id\": \"f-1\", \"amount\": 5}");
    log.await("the refund the raw rule matches", () -> log.text().contains("[RawRuleFunction] event RefundIssued"
        + " {\"id\":\"f-1\",\"amount\":5}"));
    assertThat(log.text()).doesNotContain("[RawRuleFunction] event RefundIssued {\"id\":\"f-0\"");
  }

  @Test
  void theDefaultBusHasItsOwnRules() throws InterruptedException {
    put(null, "shop.returns", "ReturnOpened", "{\"id\": \"r-1\"}");
    log.await("the default bus's rule", () -> log.text().contains("[DefaultBusFunction] event ReturnOpened {\"id\":\"r-1\"}"));
  }

  @Test
  void entriesEventBridgeWouldRefuseFailAsThere() {
    PutEventsResponse r = events.putEvents(b -> b.entries(
        PutEventsRequestEntry.builder().eventBusName("orders").source("shop.orders").detailType("X").detail("[1]")
            .build(),
        PutEventsRequestEntry.builder().eventBusName("invoices").source("shop").detailType("X").detail("{}").build(),
        PutEventsRequestEntry.builder().eventBusName("orders").detailType("X").detail("{}").build(),
        PutEventsRequestEntry.builder().eventBusName("orders").source("shop.ok").detailType("Fine").detail("{}")
            .build()));
    assertThat(r.failedEntryCount()).isEqualTo(3);
    assertThat(r.entries()).extracting(e -> e.errorCode()).containsExactly("MalformedDetail",
        "ResourceNotFoundException", "InvalidArgument", null);
    assertThat(r.entries().get(3).eventId()).isNotBlank();
  }

  @Test
  void theBusIsNamedAndItsArnIsTheLocalOneAndFunctionsReachTheLocalEventBridge() {
    String env = new String(server.invoke("EnvironmentFunction", "{}".getBytes(StandardCharsets.UTF_8)).body(),
        StandardCharsets.UTF_8);
    assertThat(env).contains("BUS=orders\n", "BUS_ARN=arn:aws:events:us-east-1:000000000000:event-bus/orders\n")
        .containsPattern("AWS_ENDPOINT_URL_EVENTBRIDGE=http://127\\.0\\.0\\.1:\\d+\n");
  }
}
