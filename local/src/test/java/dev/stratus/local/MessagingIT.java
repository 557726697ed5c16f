package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The asynchronous sources run from the template: SQS (ElasticMQ) and SNS with their subscriptions, filters,
 * partial failures and DLQs, and S3 notifications with their key filters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessagingIT {
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Orders:
          Type: AWS::SQS::Queue
          Properties:
            VisibilityTimeout: 1
            RedrivePolicy: {deadLetterTargetArn: !GetAtt OrdersDlq.Arn, maxReceiveCount: 2}
        OrdersDlq: {Type: AWS::SQS::Queue}
        Alerts: {Type: AWS::SNS::Topic}
        Audit: {Type: AWS::SQS::Queue}
        AuditSubscription:
          Type: AWS::SNS::Subscription
          Properties: {TopicArn: !Ref Alerts, Protocol: sqs, Endpoint: !GetAtt Audit.Arn, RawMessageDelivery: true}
        WorkerFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$SqsWorker::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Orders:
                Type: SQS
                Properties:
                  Queue: !GetAtt Orders.Arn
                  BatchSize: 5
                  FunctionResponseTypes: [ReportBatchItemFailures]
        NotifierFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Notifier::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Urgent: {Type: SNS, Properties: {Topic: !Ref Alerts, FilterPolicy: {kind: [urgent, {prefix: sev1}]}}}
        Drops: {Type: AWS::S3::Bucket}
        CsvFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$S3Logger::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Csv:
                Type: S3
                Properties:
                  Bucket: !Ref Drops
                  Events: s3:ObjectCreated:*
                  Filter: {S3Key: {Rules: [{Name: prefix, Value: uploads/}, {Name: suffix, Value: .csv}]}}
        EnvironmentFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Environment::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Environment:
              Variables:
                QUEUE_URL: !Ref Orders
                QUEUE_NAME: !GetAtt Orders.QueueName
                QUEUE_ARN: !GetAtt Orders.Arn
                QUEUE_URL_ATT: !GetAtt Orders.QueueUrl
                TOPIC: !Ref Alerts
      """;

  private LocalServer server;
  private SqsClient sqs;
  private SnsClient sns;
  private final ServeLog log = new ServeLog();

  @BeforeAll
  void start() throws IOException {
    server = TestStacks.serve("msg", TEMPLATE, 2, log);
    sqs = LocalClients.of(SqsClient.builder(), server.sqsEndpoint());
    sns = LocalClients.of(SnsClient.builder(), server.snsEndpoint());
  }

  @AfterAll
  void stop() {
    sqs.close();
    sns.close();
    server.close();
  }

  @Test
  void refsAndAttributesResolveToTheLocalQueueAndTopic() {
    String env = new String(server.invoke("EnvironmentFunction", "{}".getBytes(StandardCharsets.UTF_8)).body(),
        StandardCharsets.UTF_8);
    String url = server.sqsEndpoint() + "/000000000000/msg-Orders";
    assertThat(env).contains("QUEUE_URL=" + url + "\n", "QUEUE_URL_ATT=" + url + "\n", "QUEUE_NAME=msg-Orders\n",
        "QUEUE_ARN=arn:aws:sqs:us-east-1:000000000000:msg-Orders\n", "TOPIC=arn:aws:sns:us-east-1:000000000000:msg-Alerts\n",
        "AWS_ENDPOINT_URL=" + server.refuserEndpoint() + "\n");
    // The function's own way to SQS and SNS, which passes its calls through and holds them against its policies.
    assertThat(env).containsPattern("AWS_ENDPOINT_URL_SQS=http://127\\.0\\.0\\.1:\\d+\n")
        .containsPattern("AWS_ENDPOINT_URL_SNS=http://127\\.0\\.0\\.1:\\d+\n")
        .doesNotContain("AWS_ENDPOINT_URL_SQS=" + server.sqsEndpoint() + "\n");
    assertThat(sqs.getQueueUrl(b -> b.queueName("msg-Orders")).queueUrl()).isEqualTo(url);
  }

  @Test
  void aReportedFailureComesBackAfterTheVisibilityTimeoutThenGoesToTheDeadLetterQueue() throws InterruptedException {
    String url = sqs.getQueueUrl(b -> b.queueName("msg-Orders")).queueUrl();
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("ok-1"));
    sqs.sendMessage(b -> b.queueUrl(url).messageBody("fail-1"));
    log.await("the failed message's second delivery", () -> log.text().contains("[WorkerFunction] got fail-1 count=2"));
    String dlq = sqs.getQueueUrl(b -> b.queueName("msg-OrdersDlq")).queueUrl();
    List<Message> dead = new java.util.ArrayList<>();
    log.await("the dead-letter queue", () -> {
      dead.addAll(sqs.receiveMessage(b -> b.queueUrl(dlq).waitTimeSeconds(1)).messages());
      return !dead.isEmpty();
    });
    assertThat(dead).extracting(Message::body).containsExactly("fail-1");
    assertThat(log.text()).contains("[WorkerFunction] got ok-1 count=1").doesNotContain("got ok-1 count=2");
  }

  @Test
  void publishesReachFunctionsThroughTheirFilterAndQueuesRaw() throws InterruptedException {
    String topic = "arn:aws:sns:us-east-1:000000000000:msg-Alerts";
    for (String kind : List.of("routine", "urgent", "sev1-disk")) {
      sns.publish(b -> b.topicArn(topic).message("disk " + kind).messageAttributes(Map.of("kind",
          MessageAttributeValue.builder().dataType("String").stringValue(kind).build())));
    }
    log.await("both matching notifications", () -> log.text().contains("[NotifierFunction] notified disk urgent")
        && log.text().contains("[NotifierFunction] notified disk sev1-disk"));
    String audit = sqs.getQueueUrl(b -> b.queueName("msg-Audit")).queueUrl();
    List<String> bodies = new java.util.ArrayList<>();
    log.await("all three in the audit queue", () -> {
      sqs.receiveMessage(b -> b.queueUrl(audit).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()
          .forEach(m -> bodies.add(m.body()));
      return bodies.size() >= 3;
    });
    assertThat(bodies).containsExactlyInAnyOrder("disk routine", "disk urgent", "disk sev1-disk");
    assertThat(log.text()).doesNotContain("notified disk routine");
    assertThatThrownBy(() -> sns.publish(b -> b.topicArn(topic + "-missing").message("x")))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("Topic does not exist");
  }

  @Test
  void onlyUploadsInsideThePrefixAndSuffixFilterTrigger() throws InterruptedException {
    try (S3Client s3 = LocalClients.of(S3Client.builder().forcePathStyle(true), server.s3Endpoint())) {
      for (String key : List.of("other/c.csv", "uploads/b.txt", "uploads/a.csv")) {
        s3.putObject(b -> b.bucket("msg-drops").key(key), RequestBody.fromString("x"));
      }
    }
    log.await("the matching upload", () -> log.text().contains("[CsvFunction] s3 uploads/a.csv"));
    Thread.sleep(500);
    assertThat(log.text()).doesNotContain("s3 other/c.csv").doesNotContain("s3 uploads/b.txt");
  }

  @Test
  void aServiceWithoutALocalServerIsRefusedAtOnceByName() {
    try (StsClient sts = LocalClients.of(StsClient.builder(), server.refuserEndpoint())) {
      long start = System.nanoTime();
      assertThatThrownBy(sts::getCallerIdentity).isInstanceOf(AwsServiceException.class)
          .hasMessageContaining("stratus-local has no local sts: ")
          .hasMessageContaining("was stopped here, not sent to AWS")
          .satisfies(e -> assertThat(((AwsServiceException) e).awsErrorDetails().errorCode()).isEqualTo("NotRunLocally"));
      assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no retries").isLessThan(Duration.ofSeconds(5));
    }
  }
}
