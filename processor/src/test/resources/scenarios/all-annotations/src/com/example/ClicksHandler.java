package com.example;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.OnKinesisRecord;

/** A class handler of a Kinesis stream, which reports its failed records itself. */
@CfResource(logicalId = "Clicks", type = "AWS::Kinesis::Stream", properties = "ShardCount: 2")
@CfFunction
@OnKinesisRecord(stream = "Clicks", startingPosition = "TRIM_HORIZON", batchSize = 500, maximumRetryAttempts = 3)
public class ClicksHandler implements RequestHandler<KinesisEvent, StreamsEventResponse> {
  @Override
  public StreamsEventResponse handleRequest(KinesisEvent event, Context context) {
    return new StreamsEventResponse();
  }
}
