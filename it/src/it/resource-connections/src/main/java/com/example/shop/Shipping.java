package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import dev.stratus.annotations.Access;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.OnSnsMessage;
import dev.stratus.annotations.OnSqsMessage;
import dev.stratus.annotations.Use;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Ships each queued order and says so on a topic; whoever listens to the topic hears it. */
@CfResource(logicalId = "ShippedTopic", type = "AWS::SNS::Topic")
public class Shipping {
  @CfFunction(timeout = 30)
  @Use(value = "OrdersTable", actions = "dynamodb:UpdateItem")
  @Use(value = "ShippedTopic", access = Access.WRITE)
  @OnSqsMessage(queue = "ShippingQueue")
  public void ship(Orders.Placed order, Context context) {
    Aws.Dynamo.CLIENT.updateItem(b -> b.tableName(StackResources.OrdersTable.name())
        .key(Map.of("id", AttributeValue.fromS(order.id())))
        .updateExpression("SET #s = :s").expressionAttributeNames(Map.of("#s", "status"))
        .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("SHIPPED"))));
    // Reads the order back without a use that allows it: IAM would refuse this on AWS, and the local
    // runtime says so (verify.groovy looks for the line).
    Aws.Dynamo.CLIENT.getItem(b -> b.tableName(StackResources.OrdersTable.name())
        .key(Map.of("id", AttributeValue.fromS(order.id()))));
    Aws.Sns.CLIENT.publish(b -> b.topicArn(StackResources.ShippedTopic.arn()).message(order.id()));
  }

  @CfFunction
  @OnSnsMessage(topic = "ShippedTopic")
  public void shipped(String id, Context context) {
    context.getLogger().log("SHIPPED " + id);
  }
}
