package dev.stratus.local;

import dev.stratus.runtime.LambdaEvents;
import dev.stratus.runtime.LambdaEvents.StreamRecord;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;

/**
 * Lambda's event source mapping for a DynamoDB stream: the table's changes in order, a batch at a time. A failed
 * batch is tried again, with a growing pause, up to {@code MaximumRetryAttempts} times (without it, until it
 * succeeds: a real stream's records expire after 24 hours, these never), then skipped and said so. With
 * {@code ReportBatchItemFailures} the changes before the first one reported are done, and the next try starts
 * at it.
 */
final class StreamPoller implements EventSourceMapping {
  private static final long POLL_MILLIS = 1000;
  private static final long MAX_PAUSE_MILLIS = 2000;

  private final String function;
  private final Supplier<FunctionPool> pool;
  private final StreamLog stream;
  private final int batchSize;
  private final long windowMillis;
  private final int maximumRetryAttempts;
  private final boolean reportsFailures;
  private final PrintStream log;
  private int position;
  private volatile boolean running = true;

  /**
   * @param maximumRetryAttempts -1 for no limit
   * @param fromStart TRIM_HORIZON: every change the stream holds; else (LATEST) those from now on
   */
  StreamPoller(String function, Supplier<FunctionPool> pool, StreamLog stream, int batchSize, long windowMillis,
      int maximumRetryAttempts, boolean reportsFailures, boolean fromStart, PrintStream log) {
    this.function = function;
    this.pool = pool;
    this.stream = stream;
    this.batchSize = batchSize;
    this.windowMillis = windowMillis;
    this.maximumRetryAttempts = maximumRetryAttempts;
    this.reportsFailures = reportsFailures;
    this.log = log;
    this.position = fromStart ? 0 : stream.end();
  }

  @Override
  public void run() {
    int failedTries = 0;
    while (running) {
      try {
        List<StreamRecord> batch = stream.read(position, batchSize, POLL_MILLIS, windowMillis);
        if (batch.isEmpty()) {
          continue;
        }
        int done = deliver(batch);
        position += done;
        if (done == batch.size()) {
          failedTries = 0;
          continue;
        }
        if (maximumRetryAttempts >= 0 && ++failedTries > maximumRetryAttempts) {
          log.println("[" + function + "] skipped " + (batch.size() - done) + " changes of " + stream.table
              + " from " + batch.get(done).sequenceNumber() + " after " + maximumRetryAttempts + " retries"
              + " (MaximumRetryAttempts)");
          position += batch.size() - done;
          failedTries = 0;
        } else {
          Thread.sleep(Math.min(MAX_PAUSE_MILLIS, 100L << Math.min(failedTries, 5)));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (running) {
          log.println("[" + function + "] the stream of " + stream.table + " could not be delivered: " + e.getMessage());
        }
      }
    }
  }

  /** Invokes the function with {@code batch}: how many of its changes, from the first, are done. */
  private int deliver(List<StreamRecord> batch) {
    Invocation.Result result = pool.get().invoke(Events.bytes(LambdaEvents.dynamoDb(stream.arn, stream.viewType,
        batch)));
    if (result.outcome() != Invocation.Outcome.OK) {
      log.println("[" + function + "] " + result.outcome() + " on " + batch.size() + " changes of " + stream.table
          + "; the batch is tried again: " + new String(result.body(), StandardCharsets.UTF_8));
      return 0;
    }
    if (!reportsFailures) {
      return batch.size();
    }
    List<String> sequence = batch.stream().map(StreamRecord::sequenceNumber).toList();
    BatchFailures failures = BatchFailures.read(result.body(), sequence);
    if (failures.wholeBatch() != null) {
      log.println("[" + function + "] " + failures.wholeBatch() + ": the batch is tried again");
      return 0;
    }
    int first = failures.ids().stream().mapToInt(sequence::indexOf).min().orElse(batch.size());
    if (first < batch.size()) {
      log.println("[" + function + "] reported change " + sequence.get(first) + " of " + stream.table + " failed;"
          + " the stream is tried again from it");
    }
    return first;
  }

  @Override
  public void stop() {
    running = false;
  }
}
