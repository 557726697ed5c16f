package com.example.shop;

import com.amazonaws.services.lambda.runtime.events.KinesisEvent;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.OnKinesisRecord;
import java.util.ArrayList;
import java.util.List;

/** Typed methods of a Kinesis stream: each record's data as a record or as text, or the whole event. */
@CfResource(logicalId = "ClickStream", type = "AWS::Kinesis::Stream", properties = "ShardCount: 1")
public class Clicks {
  /** What the methods saw, for the tests. */
  public final List<String> seen = new ArrayList<>();

  public record Click(String user, String page) {}

  @CfFunction
  @OnKinesisRecord(stream = "ClickStream", batchSize = 500, maximumBatchingWindowInSeconds = 1)
  public void clicked(Click click) {
    if (click.page().isEmpty()) {
      throw new IllegalArgumentException("a click without a page, by " + click.user());
    }
    seen.add(click.user() + " " + click.page());
  }

  @CfFunction
  @OnKinesisRecord(stream = "ClickStream", startingPosition = "TRIM_HORIZON")
  public void raw(String data) {
    seen.add("raw " + data);
  }

  @CfFunction
  @OnKinesisRecord(stream = "ClickStream")
  public void whole(KinesisEvent event) {
    seen.add("records " + event.getRecords().size());
  }
}
