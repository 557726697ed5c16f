package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.OnSnsMessage;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sts.StsClient;

/** Urgent alerts only; it also tries a service with no local server, which must be refused, not sent. */
@CfFunction
@OnSnsMessage(topic = "Alerts", filterPolicy = "{kind: [urgent]}")
public class NotifierHandler implements RequestHandler<Map<String, Object>, Void> {
  @Override
  @SuppressWarnings("unchecked")
  public Void handleRequest(Map<String, Object> event, Context context) {
    Map<String, Object> sns = (Map<String, Object>) ((List<Map<String, Object>>) event.get("Records")).get(0).get("Sns");
    context.getLogger().log("NOTIFIED " + sns.get("Message"));
    try (StsClient sts = StsClient.builder().httpClient(UrlConnectionHttpClient.create()).build()) {
      sts.getCallerIdentity();
    } catch (RuntimeException e) {
      context.getLogger().log("STS " + e.getMessage());
    }
    return null;
  }
}
