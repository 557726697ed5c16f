package dev.stratus.filestore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Credentials as Lambda hands them out: keys in the environment, or (under SnapStart) a container endpoint. */
class AwsClientsTest {

  @Test
  void keysInTheEnvironmentAreUsedAsTheyAre() {
    AwsClients clients = new AwsClients(Map.of("AWS_ACCESS_KEY_ID", "id", "AWS_SECRET_ACCESS_KEY", "secret",
        "AWS_SESSION_TOKEN", "token"), CannedHttpClient::new);
    var provider = clients.dynamo.get().serviceClientConfiguration().credentialsProvider();
    assertThat(provider).isInstanceOf(StaticCredentialsProvider.class);
    assertThat(provider.resolveIdentity().join()).isInstanceOfSatisfying(AwsSessionCredentials.class,
        c -> assertThat(c.sessionToken()).isEqualTo("token"));
  }

  @Test
  void withoutKeysTheContainerEndpointIsAskedAtEachRequest() {
    AwsClients clients = new AwsClients(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1:9/creds"),
        CannedHttpClient::new);
    assertThat(clients.s3.get().serviceClientConfiguration().credentialsProvider())
        .isInstanceOf(ContainerCredentialsProvider.class);
  }

  @Test
  void withNeitherTheMessageSaysWhatLambdaSets() {
    assertThatThrownBy(() -> new AwsClients(Map.of(), CannedHttpClient::new))
        .hasMessage("neither AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set;"
            + " Lambda sets one or the other");
  }
}
