package dev.stratus.filestore;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An HTTP client that answers every request itself, the way DynamoDB and S3 answer a success with nothing
 * in it: {@code {}} from DynamoDB, an empty body from S3. For {@link Priming}, which must not reach AWS.
 */
final class CannedHttpClient implements SdkHttpClient {
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);
  private final AtomicInteger requests = new AtomicInteger();

  /** How many requests the SDK sent here. */
  int requests() {
    return requests.get();
  }

  @Override
  public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
    boolean dynamo = request.httpRequest().host().startsWith("dynamodb.");
    byte[] body = dynamo ? EMPTY_JSON : new byte[0];
    SdkHttpResponse response = SdkHttpResponse.builder()
        .statusCode(200)
        .putHeader("Content-Type", dynamo ? "application/x-amz-json-1.0" : "application/octet-stream")
        .putHeader("Content-Length", Integer.toString(body.length))
        .build();
    return new ExecutableHttpRequest() {
      @Override
      public HttpExecuteResponse call() {
        requests.incrementAndGet();
        return HttpExecuteResponse.builder().response(response)
            .responseBody(AbortableInputStream.create(new ByteArrayInputStream(body))).build();
      }

      @Override
      public void abort() {}
    };
  }

  @Override
  public void close() {}
}
