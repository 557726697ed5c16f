package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.Env;
import java.util.Map;

@CfFunction(
    memorySize = 1024,
    timeout = 10,
    architecture = "arm64",
    snapStart = true,
    description = "Answers a presigned upload URL",
    environment = {
        @Env(name = "TABLE_NAME", value = "!Ref Table"),
        @Env(name = "BUCKET", value = "!Ref Files"),
        @Env(name = "STAGE", value = "!Ref Stage"),
        @Env(name = "GREETING", value = "hello: world")},
    policies = {
        "DynamoDBCrudPolicy: {TableName: !Ref Table}",
        "S3WritePolicy: {BucketName: !Ref Files}"})
@ApiRoute(path = "/file", method = "POST", api = "Api")
@ApiRoute(path = "/files/{id}", method = "GET", apiKeyRequired = true, api = "Api")
public class PreprocessHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> input, Context context) {
    return "ok";
  }
}
