package com.example.shop;

import dev.stratus.annotations.Access;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.Body;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.Path;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.HttpException;
import dev.stratus.runtime.Response;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** Orders are kept in a table, their receipts in a bucket, and queued for shipping. */
@CfResource(logicalId = "OrdersTable", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
    KeySchema: [{AttributeName: id, KeyType: HASH}]
    """)
@CfResource(logicalId = "ReceiptsBucket", type = "AWS::S3::Bucket")
@CfResource(logicalId = "ShippingQueue", type = "AWS::SQS::Queue", properties = "VisibilityTimeout: 30")
public class Orders {
  public record NewOrder(String item, int quantity) {}

  public record Placed(String id) {}

  public record Order(String id, String item, int quantity, String status, String receipt) {}

  @CfFunction(timeout = 30)
  @Use(value = "OrdersTable", actions = "dynamodb:PutItem")
  @Use(value = "ReceiptsBucket", actions = "s3:PutObject", objects = "receipts/*")
  @Use(value = "ShippingQueue", actions = "sqs:SendMessage")
  @ApiRoute(path = "/orders", method = "POST")
  public Response<Placed> place(@Body NewOrder order) {
    if (order.item() == null || order.quantity() < 1) {
      throw HttpException.badRequest("an order needs an item and a quantity of 1 or more");
    }
    String id = UUID.randomUUID().toString();
    Aws.Dynamo.CLIENT.putItem(b -> b.tableName(StackResources.OrdersTable.name()).item(Map.of(
        "id", AttributeValue.fromS(id), "item", AttributeValue.fromS(order.item()),
        "quantity", AttributeValue.fromN(Integer.toString(order.quantity())), "status", AttributeValue.fromS("PLACED"))));
    Aws.S3.CLIENT.putObject(b -> b.bucket(StackResources.ReceiptsBucket.name()).key("receipts/" + id),
        RequestBody.fromString(order.quantity() + " x " + order.item()));
    Aws.Sqs.CLIENT.sendMessage(b -> b.queueUrl(StackResources.ShippingQueue.url()).messageBody("{\"id\":\"" + id + "\"}"));
    return Response.created(new Placed(id)).header("Location", "/orders/" + id);
  }

  @CfFunction(timeout = 30)
  @Use(value = "OrdersTable", access = Access.READ)
  @Use(value = "ReceiptsBucket", access = Access.READ, objects = "receipts/*")
  @ApiRoute(path = "/orders/{id}", method = "GET")
  public Optional<Order> get(@Path("id") String id) {
    GetItemResponse item = Aws.Dynamo.CLIENT.getItem(b -> b.tableName(StackResources.OrdersTable.name())
        .key(Map.of("id", AttributeValue.fromS(id))));
    if (!item.hasItem()) {
      return Optional.empty();
    }
    String receipt;
    try {
      receipt = Aws.S3.CLIENT.getObjectAsBytes(b -> b.bucket(StackResources.ReceiptsBucket.name()).key("receipts/" + id))
          .asUtf8String();
    } catch (NoSuchKeyException e) {
      receipt = null;
    }
    Map<String, AttributeValue> a = item.item();
    return Optional.of(new Order(id, a.get("item").s(), Integer.parseInt(a.get("quantity").n()), a.get("status").s(),
        receipt));
  }
}
