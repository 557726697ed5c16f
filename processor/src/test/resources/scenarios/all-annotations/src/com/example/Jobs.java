package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.annotations.OnSnsMessage;
import dev.stratus.annotations.OnSqsMessage;
import java.io.InputStream;
import java.io.OutputStream;

/** A stream handler nested in a holder class, with queue, topic and HTTP API events. */
public final class Jobs {
  private Jobs() {}

  @CfFunction(handler = "com.example.Jobs$Worker::handleRequest")
  @OnSqsMessage(queue = "Jobs", batchSize = 5)
  @OnSnsMessage(topic = "Alerts", filterPolicy = "{\"severity\": [\"high\"]}")
  @HttpApiRoute(path = "/jobs/{proxy+}", method = "ANY", api = "Http")
  public static class Worker implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {}
  }
}
