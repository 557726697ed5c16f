package com.example.reader;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.Env;
import dev.stratus.annotations.OnSchedule;
import java.util.Map;

@CfFunction(environment = @Env(name = "BUCKET", value = "!Ref Files"))
@OnSchedule("rate(1 day)")
public class ReaderHandler implements RequestHandler<Map<String, Object>, String> {
  @Override
  public String handleRequest(Map<String, Object> event, Context context) {
    return System.getenv("BUCKET");
  }
}
