package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.Value;

/**
 * An event read from a stream by an event source mapping, in order per shard: a DynamoDB table's or a Kinesis
 * stream's. Its properties are SAM's for both: {@code Stream}, {@code StartingPosition}, {@code BatchSize}.
 */
public sealed interface StreamEvent extends SamEvent permits DynamoDbStreamEvent, KinesisEvent {
  /** The stream's ARN as written: {@code !GetAtt OrdersTable.StreamArn}, {@code !GetAtt Clicks.Arn}. */
  default Value stream() {
    return properties().get("Stream");
  }

  @Override
  default Value source() {
    return stream();
  }

  default Value startingPosition() {
    return properties().get("StartingPosition");
  }

  default Value batchSize() {
    return properties().get("BatchSize");
  }

  /** The resource of the template whose stream this reads (a table, a stream), or null for an ARN. */
  default String resource() {
    return stream() instanceof Fn.GetAtt g ? g.resource() : null;
  }
}
