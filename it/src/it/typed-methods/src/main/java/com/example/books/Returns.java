package com.example.books;

import com.amazonaws.services.lambda.runtime.Context;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.CfResource;
import dev.stratus.annotations.OnSchedule;
import dev.stratus.annotations.OnSqsMessage;

/** Books coming back, one queue message each; and a nightly reminder with its own input. */
@CfResource(logicalId = "ReturnsQueue", type = "AWS::SQS::Queue")
public class Returns {
  public record Returned(String isbn, String reader) {}

  public record Reminder(int overdueDays) {}

  @CfFunction
  @OnSqsMessage(queue = "ReturnsQueue", batchSize = 10)
  public void returned(Returned book, Context context) {
    if (book.isbn() == null) {
      throw new IllegalArgumentException("a return without an ISBN");
    }
    context.getLogger().log("RETURNED " + book.isbn() + " by " + book.reader());
  }

  @CfFunction
  @OnSchedule(value = "cron(0 8 * * ? *)", input = "{\"overdueDays\": 14}")
  public static void remind(Reminder reminder, Context context) {
    context.getLogger().log("REMIND after " + reminder.overdueDays() + " days");
  }
}
