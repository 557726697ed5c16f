package dev.stratus.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lambda's event source mapping for one shard of a stream (a DynamoDB table's, a Kinesis stream's): its records
 * in order, a batch at a time. A failed batch is tried again, with a growing pause, up to
 * {@code MaximumRetryAttempts} times (without it, until it succeeds: a real stream's records expire, these
 * never), then skipped and said so. With {@code ReportBatchItemFailures} the records before the first one
 * reported are done, and the next try starts at it.
 */
final class ShardPoller<R> extends EventSourceMapping {
  private static final long MAX_PAUSE_MILLIS = 2000;

  private final String function;
  private final Supplier<FunctionPool> pool;
  private final Shard<R> shard;
  private final int batchSize;
  private final int maximumRetryAttempts;
  private final boolean reportsFailures;
  private final PrintStream log;

  /** @param maximumRetryAttempts -1 for no limit */
  ShardPoller(String function, Supplier<FunctionPool> pool, Shard<R> shard, int batchSize, int maximumRetryAttempts,
      boolean reportsFailures, PrintStream log) {
    this.function = function;
    this.pool = pool;
    this.shard = shard;
    this.batchSize = batchSize;
    this.maximumRetryAttempts = maximumRetryAttempts;
    this.reportsFailures = reportsFailures;
    this.log = log;
  }

  @Override
  public void run() {
    int failedTries = 0;
    while (running) {
      try {
        List<R> batch = shard.read(batchSize);
        if (batch.isEmpty()) {
          continue;
        }
        int done = deliver(batch);
        shard.advance(done);
        if (done == batch.size()) {
          failedTries = 0;
          continue;
        }
        if (maximumRetryAttempts >= 0 && ++failedTries > maximumRetryAttempts) {
          log.println("[" + function + "] skipped " + (batch.size() - done) + " records of " + shard.describe()
              + " from " + shard.sequenceNumber(batch.get(done)) + " after " + maximumRetryAttempts + " retries"
              + " (MaximumRetryAttempts)");
          shard.advance(batch.size() - done);
          failedTries = 0;
        } else {
          log.println("[" + function + "] " + shard.describe() + " is tried again from " + shard.sequenceNumber(
              batch.get(done)) + (maximumRetryAttempts < 0 ? "" : " (retry " + failedTries + " of "
              + maximumRetryAttempts + ")"));
          pause(Math.min(MAX_PAUSE_MILLIS, 100L << Math.min(failedTries, 5)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.println("[" + function + "] " + shard.describe() + " could not be read: " + e.getMessage());
          pause(MAX_PAUSE_MILLIS);
        }
      }
    }
  }

  /** Invokes the function with {@code batch}: how many of its records, from the first, are done. */
  private int deliver(List<R> batch) {
    Invocation.Result result;
    try {
      result = pool.get().invoke(shard.event(batch));
    } catch (RuntimeException e) {
      log.println("[" + function + "] could not be invoked with " + batch.size() + " records of " + shard.describe()
          + ": " + e.getMessage());
      return 0; // a failed try, counted against MaximumRetryAttempts as Lambda counts a failed invocation
    }
    if (result.outcome() != Invocation.Outcome.OK) {
      log.println("[" + function + "] " + result.outcome() + " on " + batch.size() + " records of " + shard.describe()
          + ": " + new String(result.body(), StandardCharsets.UTF_8));
      return 0;
    }
    if (!reportsFailures) {
      return batch.size();
    }
    List<String> sequence = batch.stream().map(shard::sequenceNumber).toList();
    BatchFailures failures = BatchFailures.read(result.body(), sequence);
    if (failures.wholeBatch() != null) {
      log.println("[" + function + "] " + failures.wholeBatch() + ": the whole batch failed");
      return 0;
    }
    int first = failures.ids().stream().mapToInt(sequence::indexOf).min().orElse(batch.size());
    if (first < batch.size()) {
      log.println("[" + function + "] reported record " + sequence.get(first) + " of " + shard.describe() + " failed");
    }
    return first;
  }
}
