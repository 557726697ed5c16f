package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;
import java.io.InputStream;
import java.io.OutputStream;

/** REST routes: a user pool with a scope, and an API whose default is IAM, with an opt-out. */
@CfFunction
@ApiRoute(path = "/staff/orders", method = "GET", authorizer = "Staff", scopes = "staff/read")
@ApiRoute(path = "/reports", method = "GET", api = "ReportsApi")
@ApiRoute(path = "/reports/public", method = "GET", api = "ReportsApi", authorizer = "NONE")
public class ReportsHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) {}
}
