package dev.stratus.runtime;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The {@link Context} {@link TestClient} hands a call, as Lambda would: a request id, the event method (or
 * a route's {@code GET /path}) as the function's name, and a logger whose entries {@link TestClient#logs()} keeps instead of printing them.
 */
final class TestContext implements Context {
  private final String function;
  private final String requestId = UUID.randomUUID().toString();
  private final LambdaLogger logger;

  TestContext(String function, List<String> logs) {
    this.function = function;
    this.logger = new LambdaLogger() {
      @Override
      public void log(String message) {
        logs.add(message);
      }

      @Override
      public void log(byte[] message) {
        logs.add(new String(message, StandardCharsets.UTF_8));
      }
    };
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + function;
  }

  @Override
  public String getLogStreamName() {
    return "test";
  }

  @Override
  public String getFunctionName() {
    return function;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:" + LambdaEvents.REGION + ":" + LambdaEvents.ACCOUNT + ":function:" + function;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 900_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 512;
  }

  @Override
  public LambdaLogger getLogger() {
    return logger;
  }
}
