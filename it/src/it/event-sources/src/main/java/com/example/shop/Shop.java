package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import dev.stratus.annotations.Access;
import dev.stratus.annotations.Body;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.FunctionUrl;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.annotations.OnDynamoDbStream;
import dev.stratus.annotations.OnEventBridgeRule;
import dev.stratus.annotations.OnKinesisRecord;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.JsonWriter;
import dev.stratus.runtime.TableChange;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * A shop's orders: placing one writes it to a table whose stream reports each change, puts a click on a Kinesis
 * stream and an event on the shop's bus, where a rule picks the big orders; a courier reports deliveries at a
 * function URL.
 */
@CfResource(logicalId = "OrdersTable", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
    KeySchema: [{AttributeName: id, KeyType: HASH}]
    StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
    """)
@CfResource(logicalId = "Clicks", type = "AWS::Kinesis::Stream", properties = "ShardCount: 1")
@CfResource(logicalId = "ShopBus", type = "AWS::Events::EventBus", properties = "Name: shop")
public class Shop {
  private static final DynamoDbClient DYNAMO = DynamoDbClient.builder()
      .httpClient(UrlConnectionHttpClient.create()).build();
  private static final KinesisClient KINESIS = KinesisClient.builder()
      .httpClient(UrlConnectionHttpClient.create()).build();
  private static final EventBridgeClient EVENTS = EventBridgeClient.builder()
      .httpClient(UrlConnectionHttpClient.create()).build();

  public record Order(String id, int total) {}

  public record Click(String page) {}

  @CfFunction
  @Use(value = "OrdersTable", actions = "dynamodb:PutItem")
  @Use(value = "Clicks", access = Access.WRITE)
  @Use(value = "ShopBus", access = Access.WRITE)
  @HttpApiRoute(method = "POST", path = "/orders")
  public Order place(@Body Order order) {
    DYNAMO.putItem(b -> b.tableName(System.getenv("ORDERS_TABLE_NAME")).item(Map.of(
        "id", AttributeValue.fromS(order.id()), "total", AttributeValue.fromN(Integer.toString(order.total())))));
    KINESIS.putRecord(b -> b.streamName(System.getenv("CLICKS_NAME")).partitionKey(order.id())
        .data(SdkBytes.fromUtf8String("{\"page\": \"/orders/" + order.id() + "\"}")));
    EVENTS.putEvents(b -> b.entries(e -> e.eventBusName(System.getenv("SHOP_BUS_NAME")).source("shop")
        .detailType("OrderPlaced").detail(new JsonWriter().beginObject().name("id").string(order.id())
            .name("total").number(order.total()).endObject().toString())));
    return order;
  }

  @CfFunction
  @OnDynamoDbStream(table = "OrdersTable")
  public void changed(TableChange<Order> change, Context context) {
    context.getLogger().log("CHANGE " + change.eventName() + " " + change.newImage().map(Order::id).orElse("-")
        + " total " + change.newImage().map(Order::total).orElse(0));
  }

  @CfFunction
  @OnKinesisRecord(stream = "Clicks", maximumRetryAttempts = 1)
  public void clicked(Click click, Context context) {
    if (click.page().endsWith("/broken")) {
      throw new IllegalStateException("CLICK FAILED " + click.page());
    }
    context.getLogger().log("CLICK " + click.page());
  }

  /** A courier's webhook at a URL of its own: any path, the delivery in the body. */
  @CfFunction
  @FunctionUrl
  public String delivered(@Body Order order, Context context) {
    context.getLogger().log("DELIVERED " + order.id());
    return "thanks for " + order.id();
  }

  @CfFunction
  @OnEventBridgeRule(bus = "ShopBus", pattern = """
      source: [shop]
      detail-type: [OrderPlaced]
      detail:
        total: [{numeric: [">=", 100]}]
      """)
  public void bigOrder(Order order, Context context) {
    context.getLogger().log("BIG " + order.id());
  }
}
