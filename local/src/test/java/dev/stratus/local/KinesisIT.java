package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.PutRecordsRequestEntry;

/**
 * Kinesis from the template: records put by a client of the local Kinesis reach the function on the stream,
 * each shard in order, and a reported failure is delivered again with the records after it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KinesisIT {
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java21, CodeUri: handlers.jar}
      Resources:
        ClickStream: {Type: AWS::Kinesis::Stream, Properties: {ShardCount: 2}}
        ClicksFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$KinesisRecorder::handleRequest
            Events:
              Clicks:
                Type: Kinesis
                Properties:
                  Stream: !GetAtt ClickStream.Arn
                  StartingPosition: LATEST
                  BatchSize: 5
                  FunctionResponseTypes: [ReportBatchItemFailures]
        EnvironmentFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Environment::handleRequest
            Environment: {Variables: {STREAM_ARN: !GetAtt ClickStream.Arn, STREAM: !Ref ClickStream}}
      """;
  private static final Pattern DELIVERED = Pattern.compile("\\[ClicksFunction] kinesis (\\S+) (\\S+)");

  private LocalServer server;
  private KinesisClient kinesis;
  private final ServeLog log = new ServeLog();

  @BeforeAll
  void start() throws IOException {
    server = TestStacks.serve("clicks", TEMPLATE, 1, log);
    kinesis = LocalClients.of(KinesisClient.builder(), server.kinesisEndpoint());
  }

  @AfterAll
  void stop() {
    if (kinesis != null) {
      kinesis.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyRecordArrivesAndEachPartitionKeysRecordsInTheOrderPut() throws InterruptedException {
    List<PutRecordsRequestEntry> entries = IntStream.range(0, 12).mapToObj(i -> PutRecordsRequestEntry.builder()
        .partitionKey("user-" + i % 4).data(SdkBytes.fromUtf8String("click-" + i)).build()).toList();
    assertThat(kinesis.putRecords(b -> b.streamName(server.physicalName("ClickStream")).records(entries))
        .failedRecordCount()).isZero();
    log.await("every click", () -> delivered("click-").size() == 12);
    for (int user = 0; user < 4; user++) {
      String key = "user-" + user;
      assertThat(delivered("click-").stream().filter(d -> d[0].equals(key)).map(d -> d[1]).toList())
          .as(key).containsExactlyElementsOf(IntStream.range(0, 12).filter(i -> i % 4 == Integer.parseInt(
              key.substring(5))).mapToObj(i -> "click-" + i).toList());
    }
  }

  @Test
  void aReportedFailureIsDeliveredAgainWithTheRecordsAfterIt() throws InterruptedException {
    for (String data : List.of("fail-1", "after-1")) {
      kinesis.putRecord(b -> b.streamName(server.physicalName("ClickStream")).partitionKey("retry")
          .data(SdkBytes.fromUtf8String(data)));
    }
    log.await("the failed record again, then the one after it", () -> delivered("after-1").size() == 1
        && delivered("fail-1").size() == 2);
    List<String> order = delivered("").stream().filter(d -> d[0].equals("retry")).map(d -> d[1]).toList();
    assertThat(order).startsWith("fail-1").endsWith("fail-1", "after-1");
    assertThat(log.text()).contains("[ClicksFunction] reported record");
  }

  @Test
  void functionsReachTheLocalKinesisAndTheStreamsArnIsTheLocalOne() {
    String env = new String(server.invoke("EnvironmentFunction", "{}".getBytes(StandardCharsets.UTF_8)).body(),
        StandardCharsets.UTF_8);
    assertThat(env).contains("STREAM=" + server.physicalName("ClickStream") + "\n",
        "STREAM_ARN=arn:aws:kinesis:us-east-1:000000000000:stream/" + server.physicalName("ClickStream") + "\n",
        "CBOR_ENABLED=false\n").containsPattern("AWS_ENDPOINT_URL_KINESIS=http://127\\.0\\.0\\.1:\\d+\n")
        .as("no queue in the template, no SQS server: its calls go where every other service's are refused")
        .doesNotContain("AWS_ENDPOINT_URL_SQS");
    assertThat(server.sqsEndpoint()).isNull();
  }

  /** Each record handed to the function whose data starts with {@code prefix}: its partition key and data. */
  private List<String[]> delivered(String prefix) {
    List<String[]> out = new ArrayList<>();
    Matcher m = DELIVERED.matcher(log.text());
    while (m.find()) {
      if (m.group(2).startsWith(prefix)) {
        out.add(new String[] {m.group(1), m.group(2)});
      }
    }
    return out;
  }

}
