package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.Env;
import dev.stratus.annotations.OnSqsMessage;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/** Each queued order becomes an alert, urgent when the order says so. */
@CfResource(logicalId = "Alerts", type = "AWS::SNS::Topic")
@CfFunction(environment = @Env(name = "TOPIC", value = "!Ref Alerts"),
    policies = "SNSPublishMessagePolicy: {TopicName: !GetAtt Alerts.TopicName}")
@OnSqsMessage(queue = "Orders", batchSize = 5)
public class WorkerHandler implements RequestHandler<Map<String, Object>, Void> {
  private static final SnsClient SNS = SnsClient.builder().httpClient(UrlConnectionHttpClient.create()).build();

  @Override
  @SuppressWarnings("unchecked")
  public Void handleRequest(Map<String, Object> event, Context context) {
    for (Map<String, Object> record : (List<Map<String, Object>>) event.get("Records")) {
      String body = (String) record.get("body");
      String kind = body.contains("urgent") ? "urgent" : "routine";
      context.getLogger().log("WORKER " + body);
      SNS.publish(b -> b.topicArn(System.getenv("TOPIC")).message(body).messageAttributes(Map.of("kind",
          MessageAttributeValue.builder().dataType("String").stringValue(kind).build())));
    }
    return null;
  }
}
