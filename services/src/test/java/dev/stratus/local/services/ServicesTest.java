package dev.stratus.local.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Both servers answer a real SDK client: a table made and ACTIVE, an object put and read, a bad key refused. */
class ServicesTest {
  private static final StaticCredentialsProvider KEYS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("access", "secret"));

  @Test
  void dynaliteMakesTablesThatBecomeActive() {
    try (Dynalite dynalite = Dynalite.start(Path.of(System.getProperty("dynalite.command")));
        DynamoDbClient client = DynamoDbClient.builder().endpointOverride(dynalite.endpoint()).region(Region.US_EAST_1)
            .credentialsProvider(KEYS).httpClient(UrlConnectionHttpClient.create()).build()) {
      assertThat(dynalite.endpoint().getHost()).isEqualTo("127.0.0.1");
      client.createTable(b -> b.tableName("Files").billingMode(BillingMode.PAY_PER_REQUEST)
          .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
          .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH)));
      Dynalite.awaitActive(client, "Files");
      assertThat(client.listTables().tableNames()).containsExactly("Files");
    }
  }

  @Test
  void aMissingDynaliteSaysWhatToRun() {
    assertThatThrownBy(() -> Dynalite.start(Path.of("/nowhere/dynalite"))).isInstanceOf(NodeServer.NotInstalled.class)
        .hasMessage("/nowhere/dynalite is missing: run 'npm ci' at the repository root");
  }

  @Test
  void s3ProxyStoresObjectsAndChecksSignatures() {
    try (S3Server s3 = S3Server.start(new TransientNio2BlobStore(), "access", "secret", null);
        S3Client client = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1)
            .forcePathStyle(true).credentialsProvider(KEYS).httpClient(UrlConnectionHttpClient.create()).build();
        S3Client stranger = S3Client.builder().endpointOverride(s3.endpoint()).region(Region.US_EAST_1)
            .forcePathStyle(true).credentialsProvider(StaticCredentialsProvider.create(
                AwsBasicCredentials.create("access", "wrong"))).httpClient(UrlConnectionHttpClient.create()).build()) {
      client.createBucket(b -> b.bucket("files"));
      client.putObject(b -> b.bucket("files").key("a.txt"), RequestBody.fromString("hello"));
      assertThat(client.getObjectAsBytes(b -> b.bucket("files").key("a.txt")).asUtf8String()).isEqualTo("hello");
      assertThatThrownBy(() -> stranger.getObjectAsBytes(b -> b.bucket("files").key("a.txt")))
          .isInstanceOf(S3Exception.class);
    }
  }
}
