package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfOutput;
import dev.stratus.annotations.FunctionUrl;

/** A class handler with a URL of its own, signed, for browsers of one origin. */
@CfFunction
@FunctionUrl(authType = "AWS_IAM", allowOrigins = "https://example.com", allowMethods = {"POST", "PUT"},
    allowHeaders = "content-type", maxAge = 300)
@CfOutput(name = "WebhookUrl", value = "!GetAtt WebhookFunctionUrl.FunctionUrl")
public class WebhookHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent request, Context context) {
    return APIGatewayV2HTTPResponse.builder().withStatusCode(202).build();
  }
}
