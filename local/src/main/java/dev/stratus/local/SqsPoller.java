package dev.stratus.local;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Lambda's event source mapping for one SQS event: receives up to the batch size, invokes the function
 * once per batch and deletes what it handled. A failed call leaves the whole batch, and a
 * {@code batchItemFailures} answer (with {@code ReportBatchItemFailures}) the failed messages, to come back
 * after the visibility timeout — and to the dead-letter queue past the queue's {@code maxReceiveCount}.
 */
final class SqsPoller extends EventSourceMapping {
  private static final int MAX_PER_RECEIVE = 10;

  private final String function;
  private final Supplier<FunctionPool> pool;
  private final SqsClient sqs;
  private final String queueUrl;
  private final String queueArn;
  private final int batchSize;
  private final boolean reportsFailures;
  private final PrintStream log;

  SqsPoller(String function, Supplier<FunctionPool> pool, SqsClient sqs, String queueUrl, String queueArn,
      int batchSize, boolean reportsFailures, PrintStream log) {
    this.function = function;
    this.pool = pool;
    this.sqs = sqs;
    this.queueUrl = queueUrl;
    this.queueArn = queueArn;
    this.batchSize = batchSize;
    this.reportsFailures = reportsFailures;
    this.log = log;
  }

  @Override
  public void run() {
    while (running) {
      try {
        List<Message> batch = receive();
        if (!batch.isEmpty()) {
          deliver(batch);
        }
      } catch (RuntimeException e) {
        if (running) {
          log.println("[" + function + "] SQS polling of " + queueArn + " failed: " + e.getMessage());
          pause(1000);
        }
      }
    }
  }

  /** Long-polls for the first messages, then takes what is waiting, up to the batch size. */
  private List<Message> receive() {
    List<Message> batch = new ArrayList<>();
    int wait = 1;
    while (batch.size() < batchSize && running) {
      int want = Math.min(MAX_PER_RECEIVE, batchSize - batch.size());
      int seconds = wait;
      List<Message> got = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(want).waitTimeSeconds(seconds)
          .messageSystemAttributeNames(MessageSystemAttributeName.ALL).messageAttributeNames("All")).messages();
      batch.addAll(got);
      if (got.size() < want) {
        break;
      }
      wait = 0;
    }
    return batch;
  }

  private void deliver(List<Message> batch) {
    Invocation.Result result = pool.get().invoke(Events.sqs(batch, queueArn));
    if (result.outcome() != Invocation.Outcome.OK) {
      log.println("[" + function + "] " + result.outcome() + " on a batch of " + batch.size() + " from " + queueArn
          + "; the messages return after the visibility timeout: " + new String(result.body(), StandardCharsets.UTF_8));
      return;
    }
    Set<String> failed = reportsFailures ? failures(result.body(), batch) : Set.of();
    List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      Message m = batch.get(i);
      if (!failed.contains(m.messageId())) {
        done.add(DeleteMessageBatchRequestEntry.builder().id(Integer.toString(i)).receiptHandle(m.receiptHandle()).build());
      }
    }
    for (int from = 0; from < done.size(); from += MAX_PER_RECEIVE) {
      List<DeleteMessageBatchRequestEntry> part = done.subList(from, Math.min(done.size(), from + MAX_PER_RECEIVE));
      sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(part));
    }
    if (!failed.isEmpty()) {
      log.println("[" + function + "] reported " + failed.size() + " of " + batch.size() + " messages failed; they"
          + " return after the visibility timeout");
    }
  }

  /** The message ids a {@code SQSBatchResponse} names; all of the batch's where it fails the batch. */
  private Set<String> failures(byte[] body, List<Message> batch) {
    List<String> all = batch.stream().map(Message::messageId).toList();
    BatchFailures failures = BatchFailures.read(body, all);
    if (failures.wholeBatch() != null) {
      log.println("[" + function + "] " + failures.wholeBatch() + ": the whole batch failed");
      return Set.copyOf(all);
    }
    return Set.copyOf(failures.ids());
  }
}
