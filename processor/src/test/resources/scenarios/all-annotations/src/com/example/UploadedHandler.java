package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.OnS3Event;
import java.util.Map;

@CfFunction(logicalId = "OnUpload", runtime = "java25", policies = "AWSLambdaBasicExecutionRole")
@OnS3Event(bucket = "Files", prefix = "uploads/", suffix = ".txt")
@OnS3Event(bucket = "Files", events = {"s3:ObjectRemoved:*", "s3:ObjectRestore:Completed"}, name = "Removed")
public class UploadedHandler implements RequestHandler<Map<String, Object>, Void> {
  @Override
  public Void handleRequest(Map<String, Object> input, Context context) {
    return null;
  }
}
