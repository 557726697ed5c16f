package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB streams from the template: writes by a client of the local DynamoDB reach the functions on the
 * tables' streams, in order, with the images each stream's view type carries, retried as Lambda retries them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DynamoStreamsIT {
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java21, CodeUri: handlers.jar}
      Resources:
        OrdersTable:
          Type: AWS::DynamoDB::Table
          Properties:
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions: [{AttributeName: pk, AttributeType: S}, {AttributeName: sk, AttributeType: N}]
            KeySchema: [{AttributeName: pk, KeyType: HASH}, {AttributeName: sk, KeyType: RANGE}]
            StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
        KeysTable:
          Type: AWS::DynamoDB::Table
          Properties:
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            StreamSpecification: {StreamViewType: KEYS_ONLY}
        JobsTable:
          Type: AWS::DynamoDB::Table
          Properties:
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
            StreamSpecification: {StreamViewType: NEW_IMAGE}
        PlainTable:
          Type: AWS::DynamoDB::Table
          Properties:
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
        OrdersFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$StreamRecorder::handleRequest
            Events:
              Changes:
                Type: DynamoDB
                Properties:
                  Stream: !GetAtt OrdersTable.StreamArn
                  StartingPosition: LATEST
                  BatchSize: 10
                  FunctionResponseTypes: [ReportBatchItemFailures]
        KeysFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$StreamRecorder::handleRequest
            Events:
              Changes:
                Type: DynamoDB
                Properties: {Stream: !GetAtt KeysTable.StreamArn, StartingPosition: TRIM_HORIZON}
        JobsFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$StreamRecorder::handleRequest
            Events:
              Changes:
                Type: DynamoDB
                Properties: {Stream: !GetAtt JobsTable.StreamArn, StartingPosition: LATEST, BatchSize: 1, MaximumRetryAttempts: 1}
      """;

  private LocalServer server;
  private DynamoDbClient dynamo;
  private final ServeLog log = new ServeLog();

  @BeforeAll
  void start() throws IOException {
    server = TestStacks.serve("streams", TEMPLATE, 1, log);
    dynamo = LocalClients.of(DynamoDbClient.builder(), server.dynamoEndpoint());
  }

  @AfterAll
  void stop() {
    dynamo.close();
    server.close();
  }

  @Test
  void putUpdateAndDeleteArriveInOrderWithBothImagesAndANoOpWriteArrivesNot() throws InterruptedException {
    put("OrdersTable", Map.of("pk", s("order-1"), "sk", n("1"), "amount", n("10")));
    put("OrdersTable", Map.of("pk", s("order-1"), "sk", n("1"), "amount", n("10"))); // the same item: no change
    dynamo.updateItem(b -> b.tableName(server.physicalName("OrdersTable"))
        .key(Map.of("pk", s("order-1"), "sk", n("1"))).updateExpression("SET amount = :t")
        .expressionAttributeValues(Map.of(":t", n("12.50"))));
    dynamo.deleteItem(b -> b.tableName(server.physicalName("OrdersTable")).key(Map.of("pk", s("order-1"), "sk", n("1"))));
    List<JsonNode> changes = awaitChanges("OrdersFunction", "order-1", 3);
    assertThat(changes).extracting(c -> c.get("eventName").asText()).containsExactly("INSERT", "MODIFY", "REMOVE");
    JsonNode insert = changes.get(0).get("dynamodb");
    assertThat(insert.get("Keys").toString()).isEqualTo("{\"pk\":{\"S\":\"order-1\"},\"sk\":{\"N\":\"1\"}}");
    assertThat(insert.get("NewImage").get("amount").toString()).isEqualTo("{\"N\":\"10\"}");
    assertThat(insert.has("OldImage")).isFalse();
    JsonNode modify = changes.get(1).get("dynamodb");
    assertThat(modify.get("OldImage").get("amount").get("N").asText()).isEqualTo("10");
    assertThat(modify.get("NewImage").get("amount").get("N").asText()).isEqualTo("12.5");
    JsonNode remove = changes.get(2).get("dynamodb");
    assertThat(remove.has("NewImage")).isFalse();
    assertThat(remove.get("OldImage").get("amount").get("N").asText()).isEqualTo("12.5");
    assertThat(changes).extracting(c -> c.get("dynamodb").get("SequenceNumber").asText()).isSorted();
    assertThat(changes.get(0).get("eventSourceARN").asText()).isEqualTo(
        "arn:aws:dynamodb:us-east-1:000000000000:table/" + server.physicalName("OrdersTable")
            + "/stream/1970-01-01T00:00:00.000");
  }

  @Test
  void aBatchWriteReachesEachTablesStreamAndAKeysOnlyStreamCarriesKeys() throws InterruptedException {
    dynamo.batchWriteItem(b -> b.requestItems(Map.of(
        server.physicalName("KeysTable"), List.of(writeOf(Map.of("id", s("batch-1"), "note", s("x")))),
        server.physicalName("PlainTable"), List.of(writeOf(Map.of("id", s("batch-1")))),
        server.physicalName("OrdersTable"), List.of(writeOf(Map.of("pk", s("batch-1"), "sk", n("2")))))));
    awaitChanges("OrdersFunction", "batch-1", 1);
    JsonNode keysOnly = awaitChanges("KeysFunction", "batch-1", 1).get(0);
    assertThat(keysOnly.get("dynamodb").get("StreamViewType").asText()).isEqualTo("KEYS_ONLY");
    assertThat(keysOnly.get("dynamodb").has("NewImage")).isFalse();
    assertThat(keysOnly.get("dynamodb").get("Keys").toString()).isEqualTo("{\"id\":{\"S\":\"batch-1\"}}");
  }

  @Test
  void aWriteDynamoDbRefusesGetsDynamoDbsOwnAnswer() {
    assertThatThrownBy(() -> put("OrdersTable", Map.of("pk", s("no-sort-key"))))
        .isInstanceOf(DynamoDbException.class).satisfies(e -> assertThat(((DynamoDbException) e).statusCode())
            .isEqualTo(400));
  }

  @Test
  void aReportedFailureIsDeliveredAgainWithTheChangesAfterIt() throws InterruptedException {
    put("OrdersTable", Map.of("pk", s("retry-1"), "sk", n("1"), "fail", AttributeValue.fromBool(true)));
    put("OrdersTable", Map.of("pk", s("retry-1"), "sk", n("2")));
    List<JsonNode> changes = awaitChanges("OrdersFunction", "retry-1", 3);
    assertThat(changes).extracting(c -> c.get("dynamodb").get("Keys").get("sk").get("N").asText())
        .startsWith("1").endsWith("1", "2");
    assertThat(log.text()).contains("[OrdersFunction] reported record");
  }

  @Test
  void aBatchThatKeepsFailingIsSkippedAfterItsRetriesAndTheNextArrives() throws InterruptedException {
    put("JobsTable", Map.of("id", s("poison")));
    put("JobsTable", Map.of("id", s("after-poison")));
    awaitChanges("JobsFunction", "after-poison", 1);
    assertThat(log.text()).contains("[JobsFunction] skipped 1 records of the stream of " + server.physicalName("JobsTable"));
    assertThat(changesOf("JobsFunction", "poison")).hasSize(2); // tried, then retried once
  }

  private void put(String table, Map<String, AttributeValue> item) {
    dynamo.putItem(b -> b.tableName(server.physicalName(table)).item(item));
  }

  private static WriteRequest writeOf(Map<String, AttributeValue> item) {
    return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }

  /** Every change the function was handed whose first key attribute is {@code key}, in the order handed. */
  private List<JsonNode> changesOf(String function, String key) {
    List<JsonNode> out = new ArrayList<>();
    String prefix = "[" + function + "] stream ";
    for (String line : log.text().split("\n")) {
      int at = line.indexOf(prefix);
      if (at < 0) {
        continue;
      }
      try {
        for (JsonNode record : Events.JSON.readTree(line.substring(at + prefix.length())).get("Records")) {
          if (key.equals(record.get("dynamodb").get("Keys").elements().next().path("S").asText())) {
            out.add(record);
          }
        }
      } catch (IOException e) {
        throw new AssertionError(line, e);
      }
    }
    return out;
  }

  private List<JsonNode> awaitChanges(String function, String key, int count) throws InterruptedException {
    log.await(count + " changes of " + key + " at " + function, () -> changesOf(function, key).size() >= count);
    return changesOf(function, key);
  }

}
