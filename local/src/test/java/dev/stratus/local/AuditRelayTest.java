package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The relay against a real HTTP server: bytes pass unchanged both ways, and each request on a connection is read. */
class AuditRelayTest {
  private final List<String> reached = new CopyOnWriteArrayList<>();
  private final HttpServer upstream = Loopback.serve("echo", exchange -> {
    reached.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
    byte[] body = exchange.getRequestBody().readAllBytes();
    String answer = exchange.getRequestMethod() + " " + exchange.getRequestURI() + " host="
        + exchange.getRequestHeaders().getFirst("Host") + " " + new String(body, StandardCharsets.UTF_8);
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  });
  private final List<AwsCall> calls = new CopyOnWriteArrayList<>();
  private final List<AuditRelay> relays = new CopyOnWriteArrayList<>();
  private final AuditRelay relay = relay("dynamodb", true, false);

  /** A relay of {@code service} to the echo server whose judge answers {@code allow}. */
  private AuditRelay relay(String service, boolean allow, boolean enforce) {
    AuditRelay r = new AuditRelay("WorkerFunction", service, Loopback.uri(upstream), call -> {
      calls.add(call);
      return allow;
    }, enforce);
    relays.add(r);
    return r;
  }

  @AfterEach
  void stop() {
    relays.forEach(AuditRelay::close);
    upstream.stop(0);
  }

  @Test
  void requestsOnOneConnectionPassThroughAndAreEachRead() throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI uri = relay.endpoint.resolve("/");
    String first = http.send(HttpRequest.newBuilder(uri).header("X-Amz-Target", "DynamoDB_20120810.GetItem")
        .POST(HttpRequest.BodyPublishers.ofString("{\"TableName\": \"A\"}")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    // No length given: the client sends the body chunked.
    String second = http.send(HttpRequest.newBuilder(uri).header("X-Amz-Target", "DynamoDB_20120810.PutItem")
        .POST(HttpRequest.BodyPublishers.ofInputStream(
            () -> new ByteArrayInputStream("{\"TableName\": \"B\"}".getBytes(StandardCharsets.UTF_8)))).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(first).isEqualTo("POST / host=" + uri.getAuthority() + " {\"TableName\": \"A\"}");
    assertThat(second).isEqualTo("POST / host=" + uri.getAuthority() + " {\"TableName\": \"B\"}");
    assertThat(calls).extracting(AwsCall::action, c -> c.arn().substring(c.arn().lastIndexOf('/') + 1))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("dynamodb:GetItem", "A"),
            org.assertj.core.groups.Tuple.tuple("dynamodb:PutItem", "B"));
  }

  @Test
  void withEnforcementARefusedCallGetsIamsAnswerInItsServicesProtocolAndGoesNoFurther() {
    String denied = "User: arn:aws:sts::000000000000:assumed-role/WorkerFunction/local is not authorized to perform: ";
    try (DynamoDbClient dynamo = LocalClients.of(DynamoDbClient.builder(), relay("dynamodb", false, true).endpoint)) {
      AwsServiceException e = catchThrowableOfType(() -> dynamo.getItem(b -> b.tableName("Orders")
          .key(Map.of("id", AttributeValue.fromS("1")))), AwsServiceException.class);
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
      assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(denied + "dynamodb:GetItem on resource:"
          + " arn:aws:dynamodb:us-east-1:000000000000:table/Orders because no identity-based policy allows the"
          + " dynamodb:GetItem action");
    }
    try (S3Client s3 = LocalClients.of(S3Client.builder().forcePathStyle(true), relay("s3", false, true).endpoint)) {
      AwsServiceException e = catchThrowableOfType(
          () -> s3.putObject(b -> b.bucket("files").key("a.txt"), RequestBody.fromString("x")), AwsServiceException.class);
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(e.awsErrorDetails().errorMessage()).startsWith(denied + "s3:PutObject on resource: arn:aws:s3:::files/a.txt");
    }
    try (SqsClient sqs = LocalClients.of(SqsClient.builder(), relay("sqs", false, true).endpoint)) {
      AwsServiceException e = catchThrowableOfType(() -> sqs.sendMessage(b -> b.messageBody("x")
          .queueUrl("http://127.0.0.1:1/000000000000/Jobs")), AwsServiceException.class);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
      assertThat(e.awsErrorDetails().errorMessage()).startsWith(denied + "sqs:SendMessage on resource:"
          + " arn:aws:sqs:us-east-1:000000000000:Jobs");
    }
    try (SnsClient sns = LocalClients.of(SnsClient.builder(), relay("sns", false, true).endpoint)) {
      AwsServiceException e = catchThrowableOfType(() -> sns.publish(b -> b.message("x")
          .topicArn("arn:aws:sns:us-east-1:000000000000:Alerts")), AwsServiceException.class);
      assertThat(e.statusCode()).isEqualTo(403);
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthorizationError");
      assertThat(e.awsErrorDetails().errorMessage()).startsWith(denied + "sns:Publish on resource:"
          + " arn:aws:sns:us-east-1:000000000000:Alerts");
    }
    assertThat(reached).as("no refused call reached the service").isEmpty();
  }

  @Test
  void withoutEnforcementARefusedCallIsOnlyJudged() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String answer = http.send(HttpRequest.newBuilder(relay("sns", false, false).endpoint.resolve("/"))
        .POST(HttpRequest.BodyPublishers.ofString("Action=Publish&TopicArn=arn%3Aaws%3Asns%3Aus-east-1%3A0%3AT")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    assertThat(answer).startsWith("POST / host=");
    assertThat(calls).containsExactly(new AwsCall("sns:Publish", "arn:aws:sns:us-east-1:0:T"));
  }
}
