package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** A plain HTTP client for the tests, as a browser or curl would call the local API. */
final class Http {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private Http() {}

  static HttpResponse<String> call(String method, String url, String body, Map<String, String> headers) {
    return send(method, url, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body),
        headers, HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<byte[]> bytes(String method, String url, byte[] body, Map<String, String> headers) {
    return send(method, url, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(body), headers, HttpResponse.BodyHandlers.ofByteArray());
  }

  private static <T> HttpResponse<T> send(String method, String url, HttpRequest.BodyPublisher body,
      Map<String, String> headers, HttpResponse.BodyHandler<T> handler) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).method(method, body);
    headers.forEach(b::header);
    try {
      return CLIENT.send(b.build(), handler);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The headers with which the SDK's signer signs a request for {@code service} (us-east-1) with the local access
   * key and {@code secret}; Host left to the client.
   */
  static Map<String, String> signed(String method, URI uri, String body, String secret, String service) {
    SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.fromValue(method)).uri(uri).build();
    Map<String, String> headers = new LinkedHashMap<>();
    AwsV4HttpSigner.create().sign(r -> r.identity(AwsCredentialsIdentity.create(LocalServer.ACCESS_KEY, secret))
        .request(request).payload(ContentStreamProvider.fromUtf8String(body))
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
        .putProperty(AwsV4HttpSigner.REGION_NAME, LocalStack.REGION)).request().headers()
        .forEach((name, values) -> {
          if (!name.equalsIgnoreCase("host")) {
            headers.put(name, values.get(0));
          }
        });
    return headers;
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Events.JSON.readTree(response.body());
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + response.body(), e);
    }
  }
}
