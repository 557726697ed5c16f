package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

/** The stack's child servers: {@code --state DIR} keeps what they hold; one that dies is noticed. */
class StateIT {
  private static final String TEMPLATE = """
      Resources:
        Files: {Type: AWS::S3::Bucket}
        Items:
          Type: AWS::DynamoDB::Table
          Properties:
            BillingMode: PAY_PER_REQUEST
            AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
            KeySchema: [{AttributeName: id, KeyType: HASH}]
      """;

  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  private LocalServer start(Path template, Path state) {
    return LocalServer.start(TestStacks.options(template, 1, 1, "st", state), new PrintStream(logs, true, StandardCharsets.UTF_8));
  }

  @Test
  void aKilledDynaliteStopsTheStackWithAMessage(@TempDir Path dir) throws Exception {
    Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    try (LocalServer server = start(template, null)) {
      String port = Integer.toString(server.dynamoEndpoint().getPort());
      ProcessHandle dynalite = ProcessHandle.current().descendants()
          .filter(p -> p.info().arguments().map(a -> java.util.List.of(a).contains(port)).orElse(false))
          .findFirst().orElseThrow();
      dynalite.destroyForcibly();
      assertThat(server.failed.get(10, java.util.concurrent.TimeUnit.SECONDS))
          .startsWith("dynalite (the local DynamoDB at " + server.dynamoEndpoint() + ") exited with ");
      assertThat(logs.toString(StandardCharsets.UTF_8)).contains("; stopping: DynamoDB calls would fail from here on");
    }
  }

  @Test
  void objectsAndItemsAreKeptAcrossRuns(@TempDir Path dir) throws IOException {
    Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    Path state = dir.resolve("state");
    try (LocalServer first = start(template, state);
        S3Client s3 = LocalClients.of(S3Client.builder().forcePathStyle(true), first.s3Endpoint());
        DynamoDbClient dynamo = LocalClients.of(DynamoDbClient.builder(), first.dynamoEndpoint())) {
      s3.putObject(b -> b.bucket("st-files").key("a.txt"), RequestBody.fromString("kept"));
      dynamo.putItem(b -> b.tableName("st-Items").item(Map.of("id", AttributeValue.fromS("1"))));
    }
    try (LocalServer second = start(template, state);
        S3Client s3 = LocalClients.of(S3Client.builder().forcePathStyle(true), second.s3Endpoint());
        DynamoDbClient dynamo = LocalClients.of(DynamoDbClient.builder(), second.dynamoEndpoint())) {
      assertThat(s3.getObjectAsBytes(b -> b.bucket("st-files").key("a.txt")).asUtf8String()).isEqualTo("kept");
      assertThat(dynamo.getItem(b -> b.tableName("st-Items").key(Map.of("id", AttributeValue.fromS("1")))).hasItem())
          .isTrue();
    }
  }
}
