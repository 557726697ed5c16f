package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** SigV4 as the SDK's own signer writes it, checked here; and each way a request can fail it. */
class SigV4Test {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  /** The headers the SDK's signer gives a request for Lambda with the local keys, signed at {@code at}. */
  private static Map<String, List<String>> signed(String method, String uri, String body, String secret, Instant at) {
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(URI.create(uri))
        .putHeader("Content-Type", "application/json").putHeader("X-Trace", "a   b").build();
    return AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create("local", secret))
        .request(request).payload(ContentStreamProvider.fromUtf8String(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC))).request().headers();
  }

  private static String check(String method, String path, String query, Map<String, List<String>> headers,
      String body) {
    return SigV4.refusal(method, path, query, headers, body.getBytes(StandardCharsets.UTF_8), "local",
        "local-secret-key", "lambda", NOW);
  }

  @Test
  void whatTheSdkSignsWithTheLocalKeysPasses() {
    Map<String, List<String>> headers = signed("POST", "http://127.0.0.1:8080/orders/a%20b/%C3%A9?z=1&a=x%2Fy&a=b",
        "{\"id\": 1}", "local-secret-key", NOW);
    assertThat(check("POST", "/orders/a%20b/%C3%A9", "z=1&a=x%2Fy&a=b", headers, "{\"id\": 1}")).isNull();
    assertThat(check("GET", "/", "", signed("GET", "http://127.0.0.1:8080/", "", "local-secret-key", NOW), ""))
        .isNull();
    assertThat(check("GET", "/q", "a1=2&a=1", signed("GET", "http://127.0.0.1:8080/q?a1=2&a=1", "",
        "local-secret-key", NOW), "")).as("sorted by name, then value: a before a1").isNull();
    assertThat(check("GET", "/q", "a=%zz", signed("GET", "http://127.0.0.1:8080/q", "", "local-secret-key", NOW),
        "")).isEqualTo("the query string is not well encoded");
  }

  @Test
  void aChangedRequestAnotherSecretAnOldSignatureOrNoneAreRefused() {
    Map<String, List<String>> headers = signed("POST", "http://127.0.0.1:8080/orders", "{}", "local-secret-key", NOW);
    assertThat(check("POST", "/orders", "", headers, "{\"changed\": true}"))
        .isEqualTo("the body is not the one the X-Amz-Content-Sha256 header hashes");
    Map<String, List<String>> withoutHash = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    withoutHash.putAll(headers);
    withoutHash.remove("x-amz-content-sha256");
    assertThat(check("POST", "/orders", "", withoutHash, "{\"changed\": true}"))
        .isEqualTo("the signed header x-amz-content-sha256 is not in the request");
    assertThat(check("POST", "/orders/7", "", headers, "{}")).isEqualTo("the signature does not match the request");
    assertThat(check("POST", "/orders", "", signed("POST", "http://127.0.0.1:8080/orders", "{}", "guess", NOW), "{}"))
        .isEqualTo("the signature does not match the request");
    assertThat(check("POST", "/orders", "", signed("POST", "http://127.0.0.1:8080/orders", "{}", "local-secret-key",
        NOW.minusSeconds(600)), "{}")).startsWith("the signature's time ").endsWith("is more than 5 minutes from now");
    assertThat(check("POST", "/orders", "", Map.of("Host", List.of("127.0.0.1:8080")), "{}"))
        .isEqualTo("the request is not signed");
    assertThat(check("POST", "/orders", "", Map.of("Authorization", List.of("Bearer x")), "{}"))
        .isEqualTo("the Authorization header is not a SigV4 signature");
  }
}
