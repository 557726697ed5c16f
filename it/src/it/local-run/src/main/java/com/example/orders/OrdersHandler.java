package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.Env;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** POST /orders: queues the order's body. */
@CfResource(logicalId = "Orders", type = "AWS::SQS::Queue", properties = "VisibilityTimeout: 30")
@CfFunction(environment = @Env(name = "QUEUE_URL", value = "!Ref Orders"),
    policies = "SQSSendMessagePolicy: {QueueName: !GetAtt Orders.QueueName}")
@ApiRoute(path = "/orders", method = "POST")
public class OrdersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private static final SqsClient SQS = SqsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    String id = SQS.sendMessage(b -> b.queueUrl(System.getenv("QUEUE_URL")).messageBody((String) event.get("body")))
        .messageId();
    return Map.of("statusCode", 202, "body", "{\"queued\":\"" + id + "\"}");
  }
}
