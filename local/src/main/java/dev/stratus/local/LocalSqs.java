package dev.stratus.local;

import dev.stratus.local.services.FreePort;
import dev.stratus.template.Resource;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * SQS for the stack: ElasticMQ, a kept SQS-compatible server, in this process on loopback, with the
 * template's queues created from their properties (dead-letter queues through their {@code RedrivePolicy}).
 */
final class LocalSqs implements AutoCloseable {
  /** The queue properties that are SQS attributes of the same name. */
  private static final List<String> ATTRIBUTES = List.of("DelaySeconds", "MaximumMessageSize",
      "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "VisibilityTimeout", "FifoQueue",
      "ContentBasedDeduplication");

  final URI endpoint;
  final SqsClient client;
  private final SQSRestServer server;

  private LocalSqs(URI endpoint, SQSRestServer server) {
    this.endpoint = endpoint;
    this.server = server;
    this.client = LocalClients.of(SqsClient.builder(), endpoint);
  }

  static LocalSqs start(LocalStack stack) {
    int port;
    try {
      port = FreePort.pick("the local SQS server");
    } catch (IllegalStateException e) {
      throw new LocalException(e.getMessage(), e);
    }
    // serve's own shutdown hook stops the server: Pekko's would race it, and warn when it comes too late to add
    System.setProperty("pekko.jvm-shutdown-hooks", "off");
    SQSRestServer server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(port)
        .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
        .withAWSRegion(LocalStack.REGION).withAWSAccountId(LocalStack.ACCOUNT).start();
    server.waitUntilStarted();
    LocalSqs sqs = new LocalSqs(URI.create("http://127.0.0.1:" + port), server);
    stack.sqsEndpoint = sqs.endpoint;
    try {
      Map<String, Resource> queues = stack.ofType("AWS::SQS::Queue");
      // A dead-letter queue must exist before the queue whose RedrivePolicy names it.
      queues.forEach((id, q) -> {
        if (q.properties().get("RedrivePolicy") == null) {
          sqs.create(stack, id, q);
        }
      });
      queues.forEach((id, q) -> {
        if (q.properties().get("RedrivePolicy") != null) {
          sqs.create(stack, id, q);
        }
      });
    } catch (RuntimeException e) {
      sqs.close();
      throw e instanceof LocalException ? e : new LocalException("cannot create the queues: " + e.getMessage(), e);
    }
    return sqs;
  }

  private void create(LocalStack stack, String id, Resource queue) {
    Map<String, String> attributes = new LinkedHashMap<>();
    for (String name : ATTRIBUTES) {
      if (queue.properties().get(name) != null) {
        attributes.put(name, String.valueOf(stack.evaluate(queue.properties().get(name))));
      }
    }
    if (queue.properties().get("RedrivePolicy") != null) {
      attributes.put("RedrivePolicy", new String(Events.bytes(stack.evaluate(queue.properties().get("RedrivePolicy"))),
          StandardCharsets.UTF_8));
    }
    client.createQueue(b -> b.queueName(stack.physicalName(id)).attributesWithStrings(attributes));
  }

  @Override
  public void close() {
    client.close();
    server.stopAndWait();
  }
}
