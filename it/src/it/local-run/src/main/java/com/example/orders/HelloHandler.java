package com.example.orders;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.HttpApiRoute;
import java.util.Map;

/** GET /hello/{name} on the HTTP API: payload 2.0, a plain map answered as JSON. */
@CfFunction
@HttpApiRoute(path = "/hello/{name}", method = "GET")
public class HelloHandler implements RequestHandler<Map<String, Object>, Map<String, String>> {
  @Override
  @SuppressWarnings("unchecked")
  public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
    return Map.of("hello", ((Map<String, String>) event.get("pathParameters")).get("name"),
        "version", String.valueOf(event.get("version")));
  }
}
