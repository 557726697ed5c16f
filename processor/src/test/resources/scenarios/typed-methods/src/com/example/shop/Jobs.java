package com.example.shop;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.stratus.annotations.Access;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfParameter;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.OnS3Event;
import dev.stratus.annotations.OnSchedule;
import dev.stratus.annotations.OnSnsMessage;
import dev.stratus.annotations.OnSqsMessage;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.S3Record;
import java.util.ArrayList;
import java.util.List;

/** Typed methods of the other events: one message, object or input at a time, or the whole event. */
@CfResource(logicalId = "JobQueue", type = "AWS::SQS::Queue")
@CfResource(logicalId = "Alerts", type = "AWS::SNS::Topic")
@CfParameter(name = "UploadsBucketName", defaultValue = "shop-uploads")
@CfResource(logicalId = "Uploads", type = "AWS::S3::Bucket", properties = "BucketName: !Ref UploadsBucketName")
public class Jobs {
  /** What the methods saw, for the tests. */
  public final List<String> seen = new ArrayList<>();

  public record Job(String name, int attempts) {}

  public record Tidy(int olderThanDays) {}

  @CfFunction(snapStart = true)
  @Use(value = "Alerts", access = Access.WRITE)
  @OnSqsMessage(queue = "JobQueue", batchSize = 5)
  public void work(Job job, Context context) {
    if (job.attempts() > 3) {
      throw new IllegalStateException("gave up on " + job.name());
    }
    seen.add("work " + job.name());
  }

  @CfFunction
  @OnSnsMessage(topic = "Alerts")
  public void alert(String message) {
    seen.add("alert " + message);
  }

  @CfFunction
  @Use(value = "Uploads", access = Access.READ)
  @OnS3Event(bucket = "Uploads", prefix = "in/")
  public void uploaded(S3Record object) {
    seen.add("uploaded " + object.bucket() + "/" + object.key() + " " + object.size());
  }

  @CfFunction
  @OnSchedule(value = "rate(1 day)", input = "{\"olderThanDays\": 7}")
  public void tidy(Tidy request) throws java.io.IOException {
    seen.add("tidy " + request.olderThanDays());
  }

  @CfFunction
  @OnSqsMessage(queue = "JobQueue")
  public SQSBatchResponse batch(SQSEvent event) throws java.io.IOException {
    return new SQSBatchResponse(List.of());
  }
}
