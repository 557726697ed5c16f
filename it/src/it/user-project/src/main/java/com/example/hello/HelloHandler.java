package com.example.hello;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.Env;
import java.util.Map;

@CfResource(logicalId = "Greetings", type = "AWS::DynamoDB::Table", properties = """
    BillingMode: PAY_PER_REQUEST
    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
    KeySchema: [{AttributeName: id, KeyType: HASH}]
    """)
@CfFunction(
    memorySize = 512,
    environment = {@Env(name = "TABLE", value = "!Ref Greetings"), @Env(name = "TOPIC", value = "!Ref Audit")},
    policies = "DynamoDBReadPolicy: {TableName: !Ref Greetings}")
@ApiRoute(path = "/hello/{name}", method = "GET")
public class HelloHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return "hello";
  }
}
