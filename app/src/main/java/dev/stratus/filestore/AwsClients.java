package dev.stratus.filestore;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The SDK clients of one container, each built on first use with everything set explicitly (region,
 * credentials, HTTP client) so that no provider chain runs at cold start. {@code AWS_ENDPOINT_URL_S3} and
 * {@code AWS_ENDPOINT_URL_DYNAMODB} point them at local servers.
 *
 * <p>Credentials come from {@code AWS_ACCESS_KEY_ID}, or, under SnapStart, where Lambda sets no keys, from
 * the container endpoint in {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}, read at each request rather than
 * frozen into the snapshot.
 */
final class AwsClients {
  final Lazy<S3Client> s3;
  final Lazy<S3Presigner> presigner;
  final Lazy<DynamoDbClient> dynamo;

  AwsClients(Map<String, String> env) {
    this(env, UrlConnectionHttpClient::create);
  }

  AwsClients(Map<String, String> env, Supplier<SdkHttpClient> httpClient) {
    Region region = Region.of(env.getOrDefault("AWS_REGION", "us-east-1"));
    AwsCredentialsProvider credentials = credentials(env);
    Lazy<SdkHttpClient> http = new Lazy<>(httpClient);
    URI s3Endpoint = endpoint(env, "AWS_ENDPOINT_URL_S3");
    URI dynamoEndpoint = endpoint(env, "AWS_ENDPOINT_URL_DYNAMODB");
    // Path-style addressing for local S3 servers, which have no per-bucket host names.
    S3Configuration s3Config = S3Configuration.builder().pathStyleAccessEnabled(s3Endpoint != null).build();
    s3 = new Lazy<>(() -> {
      var b = S3Client.builder().region(region).credentialsProvider(credentials).httpClient(http.get())
          .serviceConfiguration(s3Config);
      if (s3Endpoint != null) {
        b.endpointOverride(s3Endpoint);
      }
      return b.build();
    });
    presigner = new Lazy<>(() -> {
      var b = S3Presigner.builder().region(region).credentialsProvider(credentials).serviceConfiguration(s3Config);
      if (s3Endpoint != null) {
        b.endpointOverride(s3Endpoint);
      }
      return b.build();
    });
    dynamo = new Lazy<>(() -> {
      var b = DynamoDbClient.builder().region(region).credentialsProvider(credentials).httpClient(http.get());
      if (dynamoEndpoint != null) {
        b.endpointOverride(dynamoEndpoint);
      }
      return b.build();
    });
  }

  /** Builds all three clients now (no request is sent, no credentials are resolved). */
  void buildAll() {
    s3.get();
    presigner.get();
    dynamo.get();
  }

  /** The credentials Lambda gives the container: keys in the environment, or its credentials endpoint. */
  private static AwsCredentialsProvider credentials(Map<String, String> env) {
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (id != null && secret != null) {
      String token = env.get("AWS_SESSION_TOKEN");
      AwsCredentials keys = token == null
          ? AwsBasicCredentials.create(id, secret)
          : AwsSessionCredentials.create(id, secret, token);
      return StaticCredentialsProvider.create(keys);
    }
    if (env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI") != null) {
      return ContainerCredentialsProvider.builder().build();
    }
    throw new IllegalStateException("neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY nor "
        + "AWS_CONTAINER_CREDENTIALS_FULL_URI is set; Lambda sets one or the other");
  }

  private static URI endpoint(Map<String, String> env, String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : URI.create(value);
  }
}
