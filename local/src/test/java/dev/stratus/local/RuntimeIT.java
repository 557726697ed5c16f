package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The runtime's own behaviour, with handlers built for it: the event's shape, failures, time-outs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RuntimeIT {
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        HttpApi:
          CorsConfiguration: {AllowOrigins: ['https://app.example'], AllowMethods: [GET, POST]}
      Resources:
        RawTick:
          Type: AWS::Events::Rule
          Properties:
            ScheduleExpression: rate(1 minute)
            Targets: [{Arn: !GetAtt RawTickFunction.Arn, Id: tick, Input: '{"raw": true}'}]
        RawTickFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$InputLogger::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
        HttpEchoFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Echo::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              V2: {Type: HttpApi, Properties: {Path: '/v2/items/{id}', Method: get}}
              V1: {Type: HttpApi, Properties: {Path: '/v1/items/{id}', Method: get, PayloadFormatVersion: '1.0'}}
        HttpPlainFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Environment::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Plain: {Type: HttpApi, Properties: {Path: /v2/plain, Method: get}}
        EchoFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Echo::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              One: {Type: Api, Properties: {Path: '/echo/{id}', Method: get}}
              Post: {Type: Api, Properties: {Path: /echo, Method: post}}
              Greedy: {Type: Api, Properties: {Path: '/any/{proxy+}', Method: any}}
        FailFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Fail::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Get: {Type: Api, Properties: {Path: /fail, Method: get}}
        TickFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Fail::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Tick: {Type: Schedule, Properties: {Schedule: rate(1 minute)}}
        ZonedFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Fail::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Tick:
                Type: ScheduleV2
                Properties: {ScheduleExpression: 'cron(* * * * ? *)', ScheduleExpressionTimezone: Asia/Kolkata}
        CredentialsFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Credentials::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            AutoPublishAlias: live
            SnapStart: {ApplyOn: PublishedVersions}
            Events:
              Get: {Type: Api, Properties: {Path: /credentials, Method: get}}
        KeysFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Credentials::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Events:
              Get: {Type: Api, Properties: {Path: /keys, Method: get}}
        SleepFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Sleep::handleRequest
            Runtime: java21
            CodeUri: handlers.jar
            Timeout: 1
            Events:
              Get: {Type: Api, Properties: {Path: /sleep, Method: get}}
      """;

  private Path dir;
  private LocalServer server;
  private String api;
  private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

  @BeforeAll
  void start() throws IOException {
    dir = Files.createTempDirectory("stratus-runtime-it");
    TestHandlersJar.write(dir);
    Path template = Files.writeString(dir.resolve("template.yaml"), TEMPLATE);
    server = LocalServer.start(TestStacks.options(template, 60, 2, "rt", null), new PrintStream(logs, true, StandardCharsets.UTF_8));
    api = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private JsonNode echo(HttpResponse<String> r) throws IOException {
    assertThat(r.statusCode()).as(r.body() + logs.toString(StandardCharsets.UTF_8)).isEqualTo(200);
    return Events.JSON.readTree(r.body());
  }

  @Test
  void theEventHasApiGatewaysShape() throws IOException {
    JsonNode e = echo(Http.call("GET", api + "/echo/abc%20d?tag=a&tag=b&one=1", null, Map.of("X-Trace", "t1")));
    assertThat(e.get("resource").asText()).isEqualTo("/echo/{id}");
    assertThat(e.get("path").asText()).isEqualTo("/echo/abc d");
    assertThat(e.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(e.get("pathParameters").get("id").asText()).isEqualTo("abc d");
    assertThat(e.get("queryStringParameters").get("tag").asText()).isEqualTo("b");
    assertThat(e.get("multiValueQueryStringParameters").get("tag")).hasSize(2);
    assertThat(e.get("headers").get("X-trace").asText()).isEqualTo("t1");
    assertThat(e.get("requestContext").get("stage").asText()).isEqualTo("Prod");
    assertThat(e.get("requestContext").get("resourcePath").asText()).isEqualTo("/echo/{id}");
    assertThat(e.get("body").isNull()).isTrue();
  }

  @Test
  void httpApiRoutesGetPayload2OrThe1Point0TheySayWithCors() throws IOException {
    HttpResponse<String> v2 = Http.call("GET", api + "/v2/items/42?q=a&q=b", null, Map.of("Origin", "https://app.example",
        "Cookie", "a=1; b=2"));
    assertThat(v2.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example");
    JsonNode e = echo(v2);
    assertThat(e.get("version").asText()).isEqualTo("2.0");
    assertThat(e.get("routeKey").asText()).isEqualTo("GET /v2/items/{id}");
    assertThat(e.get("rawPath").asText()).isEqualTo("/v2/items/42");
    assertThat(e.get("pathParameters").get("id").asText()).isEqualTo("42");
    assertThat(e.get("queryStringParameters").get("q").asText()).isEqualTo("a,b");
    assertThat(e.get("cookies")).extracting(JsonNode::asText).containsExactly("a=1", "b=2");
    assertThat(e.get("requestContext").get("http").get("method").asText()).isEqualTo("GET");

    JsonNode v1 = echo(Http.call("GET", api + "/v1/items/7", null, Map.of()));
    assertThat(v1.get("version").asText()).isEqualTo("1.0");
    assertThat(v1.get("httpMethod").asText()).isEqualTo("GET");
    assertThat(v1.get("pathParameters").get("id").asText()).isEqualTo("7");

    HttpResponse<String> plain = Http.call("GET", api + "/v2/plain", null, Map.of());
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(plain.body()).contains("AWS_LAMBDA_FUNCTION_NAME=rt-HttpPlainFunction\n");

    HttpResponse<String> preflight = Http.call("OPTIONS", api + "/v2/items/1", null, Map.of("Origin",
        "https://app.example", "Access-Control-Request-Method", "GET"));
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET,POST");

    // A method the HTTP API's path lacks is no route at all, as API Gateway answers it.
    HttpResponse<String> wrongMethod = Http.call("DELETE", api + "/v2/items/1", null, Map.of());
    assertThat(wrongMethod.statusCode()).isEqualTo(404);
    assertThat(wrongMethod.body()).isEqualTo("{\"message\":\"Not Found\"}");
  }

  @Test
  void aRebuiltJarReachesTheNextCallInAFreshJvm() throws Exception {
    String before = Http.call("GET", api + "/sleep?quick=1", null, Map.of()).body();
    Path jar = dir.resolve("handlers.jar");
    Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis()
        + 5_000));
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!logs.toString(StandardCharsets.UTF_8).contains("handlers.jar was rebuilt")) {
      assertThat(System.nanoTime()).as("no reload in 10 s: " + logs).isLessThan(deadline);
      Thread.sleep(50);
    }
    String after = Http.call("GET", api + "/sleep?quick=1", null, Map.of()).body();
    assertThat(before).startsWith("pid=");
    assertThat(after).startsWith("pid=").isNotEqualTo(before);
  }

  @Test
  void snapStartFunctionsGetContainerCredentialsAndOthersKeys() throws IOException {
    HttpResponse<String> snap = Http.call("GET", api + "/credentials", null, Map.of());
    assertThat(snap.statusCode()).as(snap.body() + logs).isEqualTo(200);
    assertThat(snap.body()).startsWith("keys=false uri=http://127.0.0.1:")
        .contains(" with=200 {\"AccessKeyId\":\"" + LocalServer.ACCESS_KEY + "\",\"SecretAccessKey\":")
        .contains("\"Expiration\":\"")
        .endsWith(" without=403 {\"message\":\"wrong or missing authorization token\"}");
    HttpResponse<String> keys = Http.call("GET", api + "/keys", null, Map.of());
    assertThat(keys.body()).isEqualTo("keys=true uri=null");
  }

  @Test
  void binaryBodiesArriveBase64Encoded() throws IOException {
    byte[] binary = {0, 1, 2, (byte) 0xfe};
    HttpResponse<byte[]> r = Http.bytes("POST", api + "/echo", binary, Map.of("Content-Type", "application/octet-stream"));
    JsonNode e = Events.JSON.readTree(r.body());
    assertThat(e.get("isBase64Encoded").asBoolean()).isTrue();
    assertThat(Base64.getDecoder().decode(e.get("body").asText())).isEqualTo(binary);
    JsonNode text = echo(Http.call("POST", api + "/echo", "{\"a\": 1}", Map.of("Content-Type", "application/json")));
    assertThat(text.get("body").asText()).isEqualTo("{\"a\": 1}");
    assertThat(text.get("isBase64Encoded").asBoolean()).isFalse();
  }

  @Test
  void greedyPathsAndAnyMethod() throws IOException {
    JsonNode e = echo(Http.call("DELETE", api + "/any/a/b/c", null, Map.of()));
    assertThat(e.get("pathParameters").get("proxy").asText()).isEqualTo("a/b/c");
  }

  @Test
  void aFunctionThatThrowsIsA502() {
    HttpResponse<String> r = Http.call("GET", api + "/fail", null, Map.of());
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(r.body()).isEqualTo("{\"message\":\"Internal server error\"}");
    assertThat(logs.toString(StandardCharsets.UTF_8)).contains("this function always fails");
  }

  @Test
  void aFunctionThatTimesOutIsStoppedAndReplaced() {
    HttpResponse<String> before = Http.call("GET", api + "/sleep?quick=1", null, Map.of());
    assertThat(before.statusCode()).isEqualTo(200);
    HttpResponse<String> r = Http.call("GET", api + "/sleep", null, Map.of());
    assertThat(r.statusCode()).isEqualTo(502);
    assertThat(logs.toString(StandardCharsets.UTF_8)).contains("[SleepFunction] timed out after 1 s; its JVM was stopped");
    // The function still serves, from a JVM of its own: the one that timed out is gone.
    HttpResponse<String> after = Http.call("GET", api + "/sleep?quick=1", null, Map.of());
    assertThat(after.statusCode()).isEqualTo(200);
    assertThat(after.body()).startsWith("pid=").isNotEqualTo(before.body());
  }

  @Test
  void aScheduledRuleOfTheTemplateItselfSendsItsTargetsInput() throws InterruptedException {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (!logs.toString(StandardCharsets.UTF_8).contains("[RawTickFunction] input {\"raw\": true}")) {
      assertThat(System.nanoTime()).as("no run of the raw rule in 20 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void schedulesFireAtTheirRateOnTheLocalClock() throws InterruptedException {
    // rate(1 minute) at --clock-speed 60 fires every second; the function fails, so each run is logged. (At 600
    // the functions' own throughput, about 20 calls a second, would hide a rate ten times too fast.)
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (ticks() == 0) {
      assertThat(System.nanoTime()).as("no scheduled run in 20 s").isLessThan(deadline);
      Thread.sleep(20);
    }
    int first = ticks();
    Thread.sleep(4_000);
    // About 4 runs in 4 s; a schedule that fired once, at the real rate, or ten times too often would not be near.
    assertThat(ticks() - first).isBetween(2, 7);
  }

  @Test
  void aZonedCronFiresOnTheLocalClockInItsZone() throws InterruptedException {
    String text = logs.toString(StandardCharsets.UTF_8);
    assertThat(text).containsPattern("ZonedFunction/Tick \\(cron\\(\\* \\* \\* \\* \\? \\*\\) Asia/Kolkata\\) fires next"
        + " at \\S+\\+05:30\\[Asia/Kolkata]");
    // every minute at --clock-speed 60: every second
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (ticks("ZonedFunction") < 2) {
      assertThat(System.nanoTime()).as("fewer than two runs in 20 s").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private int ticks() {
    return ticks("TickFunction");
  }

  private int ticks(String function) {
    return logs.toString(StandardCharsets.UTF_8).split("\\[" + function + "] ERROR", -1).length - 1;
  }

  @Test
  void concurrentCallsGetTheirOwnJvms() throws Exception {
    List<Thread> threads = new java.util.ArrayList<>();
    List<Integer> statuses = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    for (int i = 0; i < 4; i++) {
      Thread t = new Thread(() -> statuses.add(Http.call("GET", api + "/echo/x" , null, Map.of()).statusCode()));
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(statuses).containsOnly(200).hasSize(4);
  }
}
