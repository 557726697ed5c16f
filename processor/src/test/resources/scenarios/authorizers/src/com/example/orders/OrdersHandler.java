package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.HttpApiRoute;
import java.io.InputStream;
import java.io.OutputStream;

/** An HTTP API guarded by default, with a scope, IAM and an opt-out. */
@CfFunction
@HttpApiRoute(path = "/orders", method = "GET", scopes = "orders/read")
@HttpApiRoute(path = "/orders", method = "POST", authorizer = "AWS_IAM")
@HttpApiRoute(path = "/health", method = "GET", authorizer = "NONE")
public class OrdersHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {}
}
