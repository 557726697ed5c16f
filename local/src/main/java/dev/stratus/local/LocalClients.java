package dev.stratus.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** The runtime's own SDK clients of its local servers: one region, the local keys, the url-connection client. */
final class LocalClients {
  private LocalClients() {}

  static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C of(B builder, URI endpoint) {
    return builder.endpointOverride(endpoint)
        .region(Region.of(LocalStack.REGION))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(LocalServer.ACCESS_KEY, LocalServer.SECRET_KEY)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }
}
