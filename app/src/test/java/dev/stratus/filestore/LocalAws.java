package dev.stratus.filestore;

import dev.stratus.local.services.Dynalite;
import dev.stratus.local.services.S3Server;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Real servers for the integration tests, started once per test JVM: s3proxy in-process (it checks SigV4
 * signatures, presigned URLs included) and dynalite as a child process (from {@code npm ci} at the
 * repository root). Each test gets a fresh bucket and table through {@link #newStack}.
 */
final class LocalAws {
  static final String ACCESS_KEY = "local-access-key";
  static final String SECRET_KEY = "local-secret-key";
  static final String REGION = "us-east-1";

  private static LocalAws instance;

  final URI s3Endpoint;
  final URI dynamoEndpoint;

  private LocalAws(URI s3Endpoint, URI dynamoEndpoint) {
    this.s3Endpoint = s3Endpoint;
    this.dynamoEndpoint = dynamoEndpoint;
  }

  static synchronized LocalAws get() {
    if (instance == null) {
      try {
        instance = new LocalAws(startS3(), startDynalite());
      } catch (Exception e) {
        throw new IllegalStateException("cannot start local S3/DynamoDB: " + e, e);
      }
    }
    return instance;
  }

  /** A bucket and a table of their own, and the environment a Filestore function would get for them. */
  record Stack(String bucket, String table, Map<String, String> env) {}

  Stack newStack(Map<String, String> overrides) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String bucket = "files-" + suffix;
    String table = "Files" + suffix;
    Map<String, String> env = new HashMap<>();
    env.put("AWS_REGION", REGION);
    env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
    env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
    env.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
    env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
    env.put(StackResources.FilesTable.VARIABLE, table);
    env.put(StackResources.StorageBucket.VARIABLE, bucket);
    env.putAll(overrides);
    AwsClients clients = new AwsClients(env);
    clients.s3.get().createBucket(b -> b.bucket(bucket));
    DynamoDbClient dynamo = clients.dynamo.get();
    dynamo.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(AttributeDefinition.builder().attributeName("id").attributeType(ScalarAttributeType.S).build())
        .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
    Dynalite.awaitActive(dynamo, table);
    return new Stack(bucket, table, env);
  }

  S3Client s3(Stack stack) {
    return new AwsClients(stack.env()).s3.get();
  }

  DynamoDbClient dynamo(Stack stack) {
    return new AwsClients(stack.env()).dynamo.get();
  }

  private static URI startS3() {
    S3Server s3 = S3Server.start(new TransientNio2BlobStore(), ACCESS_KEY, SECRET_KEY, new CrossOriginResourceSharing(
        List.of("*"), List.of("GET", "PUT", "HEAD"), List.of("*"), List.of("ETag"), "false"));
    Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
    return s3.endpoint();
  }

  private static URI startDynalite() {
    Dynalite dynalite = Dynalite.start(Path.of(System.getProperty("dynalite.command",
        "../node_modules/.bin/dynalite")));
    Runtime.getRuntime().addShutdownHook(new Thread(dynalite::close));
    return dynalite.endpoint();
  }
}
