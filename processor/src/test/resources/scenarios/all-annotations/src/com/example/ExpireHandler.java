package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.OnSchedule;
import java.util.Map;

@CfFunction(condition = "IsNotProd")
@OnSchedule("rate(30 minutes)")
@OnSchedule(value = "cron(0 12 ? * MON-FRI *)", enabled = false, input = "{\"report\": true}")
@OnSchedule(value = "cron(0 8 ? * MON-FRI *)", timezone = "Europe/Berlin", name = "Mornings")
@OnSchedule(value = "at(2027-01-31T09:00:00)", timezone = "America/New_York", enabled = false, name = "Once")
public class ExpireHandler implements RequestHandler<Map<String, Object>, Void> {
  @Override
  public Void handleRequest(Map<String, Object> input, Context context) {
    return null;
  }
}
