package dev.stratus.local;

import dev.stratus.runtime.LambdaEvents;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * A shard of a Kinesis stream in kinesalite, read as Lambda reads it: {@code GetRecords} from an iterator taken
 * when the mapping starts ({@code LATEST}: what comes from then on), the records kept until they are done, so a
 * failed batch is delivered again from its first undone record.
 */
final class KinesisShard implements Shard<Record> {
  private static final long POLL_MILLIS = 100;
  private static final long WAIT_MILLIS = 1000;
  private static final int MAX_PER_GET = 10_000;

  private final KinesisClient kinesis;
  private final String stream;
  private final String streamArn;
  private final String shardId;
  private final long windowMillis;
  private final ShardIteratorType start;
  private final Instant timestamp;
  private final List<Record> taken = new ArrayList<>();
  private String iterator;
  /** The sequence number of the last record taken, where an expired iterator is taken again. */
  private String last;

  /**
   * @param start where the mapping starts: TRIM_HORIZON (every record the shard holds), LATEST (those from now
   *     on) or AT_TIMESTAMP ({@code timestamp})
   * @param windowMillis how long a batch may wait to fill ({@code MaximumBatchingWindowInSeconds})
   */
  KinesisShard(KinesisClient kinesis, String stream, String streamArn, String shardId, ShardIteratorType start,
      Instant timestamp, long windowMillis) {
    this.kinesis = kinesis;
    this.stream = stream;
    this.streamArn = streamArn;
    this.shardId = shardId;
    this.windowMillis = windowMillis;
    this.start = start;
    this.timestamp = timestamp;
    this.iterator = iterator(start, null);
  }

  private String iterator(ShardIteratorType type, String after) {
    return kinesis.getShardIterator(b -> b.streamName(stream).shardId(shardId).shardIteratorType(type)
        .startingSequenceNumber(after).timestamp(type == ShardIteratorType.AT_TIMESTAMP ? timestamp : null))
        .shardIterator();
  }

  @Override
  public List<Record> read(int max) throws InterruptedException {
    if (iterator == null && taken.isEmpty()) {
      Thread.sleep(WAIT_MILLIS); // a closed shard (resharded) has no more; its children are not read here
      return List.of();
    }
    long now = System.nanoTime();
    long firstBy = now + WAIT_MILLIS * 1_000_000;
    take(max);
    while (taken.isEmpty() && iterator != null && System.nanoTime() < firstBy) {
      Thread.sleep(POLL_MILLIS);
      take(max);
    }
    long fullBy = System.nanoTime() + windowMillis * 1_000_000;
    while (!taken.isEmpty() && taken.size() < max && iterator != null && System.nanoTime() < fullBy) {
      Thread.sleep(POLL_MILLIS);
      take(max);
    }
    return List.copyOf(taken.subList(0, Math.min(max, taken.size())));
  }

  /** Takes what the shard has, up to {@code max} kept in all; a closed shard (resharded) gives no more. */
  private void take(int max) {
    if (taken.size() >= max || iterator == null) {
      return;
    }
    GetRecordsResponse got;
    try {
      got = kinesis.getRecords(b -> b.shardIterator(iterator).limit(Math.min(MAX_PER_GET, max - taken.size())));
    } catch (ExpiredIteratorException e) {
      iterator = last == null ? iterator(start, null) : iterator(ShardIteratorType.AFTER_SEQUENCE_NUMBER, last);
      return;
    }
    taken.addAll(got.records());
    if (!got.records().isEmpty()) {
      last = got.records().get(got.records().size() - 1).sequenceNumber();
    }
    iterator = got.nextShardIterator();
  }

  @Override
  public void advance(int n) {
    taken.subList(0, n).clear();
  }

  @Override
  public String sequenceNumber(Record record) {
    return record.sequenceNumber();
  }

  @Override
  public byte[] event(List<Record> batch) {
    return Events.bytes(LambdaEvents.kinesis(streamArn, batch.stream().map(r -> new LambdaEvents.KinesisRecord(
        r.partitionKey(), r.data().asByteArray(), r.sequenceNumber(), shardId, r.approximateArrivalTimestamp()))
        .toList()));
  }

  @Override
  public String describe() {
    return stream + "/" + shardId;
  }
}
