package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Function URLs from the template: each on a port of its own, every path and method, payload 2.0, its CORS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FunctionUrlIT {
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java21, CodeUri: handlers.jar}
      Resources:
        HookFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Echo::handleRequest
            FunctionUrlConfig:
              AuthType: NONE
              Cors: {AllowOrigins: ['https://example.com', 'https://shop.example'], AllowMethods: [POST], MaxAge: 60}
        SignedFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Echo::handleRequest
            FunctionUrlConfig: {AuthType: AWS_IAM}
        EnvironmentFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Environment::handleRequest
            Environment: {Variables: {HOOK_URL: !GetAtt HookFunctionUrl.FunctionUrl}}
      """;

  private LocalServer server;
  private final ServeLog log = new ServeLog();
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void start() throws IOException {
    server = TestStacks.serve("urls", TEMPLATE, 1, log);
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private URI hook(String path) {
    return server.functionUrls().get("HookFunction").resolve(path);
  }

  @Test
  void everyPathAndMethodReachesTheFunctionAsAnHttpApiPayload() throws Exception {
    for (String path : new String[] {"", "orders/7?full=yes"}) {
      HttpResponse<String> r = send(HttpRequest.newBuilder(hook(path)).POST(HttpRequest.BodyPublishers.ofString("hi")));
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      JsonNode event = Events.JSON.readTree(r.body());
      assertThat(event.get("version").asText()).isEqualTo("2.0");
      assertThat(event.get("routeKey").asText()).isEqualTo("$default");
      assertThat(event.get("rawPath").asText()).isEqualTo("/" + path.replaceFirst("\\?.*", ""));
      assertThat(event.get("requestContext").get("http").get("method").asText()).isEqualTo("POST");
    }
    assertThat(server.functionUrls()).containsOnlyKeys("HookFunction", "SignedFunction");
  }

  private HttpResponse<String> preflight(String origin) throws Exception {
    return send(HttpRequest.newBuilder(hook("orders")).method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin).header("Access-Control-Request-Method", "POST"));
  }

  @Test
  void aPreflightIsAnsweredAsTheUrlsCorsSays() throws Exception {
    HttpResponse<String> r = preflight("https://shop.example");
    assertThat(r.headers().firstValue("access-control-allow-origin")).as("the one origin of the list that asks")
        .hasValue("https://shop.example");
    assertThat(preflight("https://elsewhere.example").headers().firstValue("access-control-allow-origin")).isEmpty();
    assertThat(r.headers().firstValue("access-control-allow-methods")).hasValue("POST");
    assertThat(r.headers().firstValue("access-control-max-age")).hasValue("60");
  }

  @Test
  void anAwsIamUrlServesWhatTheLocalKeysSignAndRefusesTheRest() throws Exception {
    URI url = server.functionUrls().get("SignedFunction").resolve("jobs?id=7");
    HttpResponse<String> unsigned = send(HttpRequest.newBuilder(url).POST(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).isEqualTo("{\"Message\":\"Forbidden\"}");
    assertThat(log.text()).contains("[SignedFunction] refused a request: the request is not signed");
    for (String secret : new String[] {LocalServer.SECRET_KEY, "guessed"}) {
      HttpResponse<String> signed = Http.call("POST", url.toString(), "{}", Http.signed("POST", url, "{}", secret,
          "lambda"));
      assertThat(signed.statusCode()).as(secret).isEqualTo(secret.equals("guessed") ? 403 : 200);
      if (signed.statusCode() == 200) {
        assertThat(Http.json(signed).at("/requestContext/authorizer/iam/accessKey").asText()).as("as Lambda says who")
            .isEqualTo(LocalServer.ACCESS_KEY);
      }
    }
  }

  @Test
  void theUrlsGetAttIsItsLocalAddress() {
    String env = new String(server.invoke("EnvironmentFunction", "{}".getBytes(StandardCharsets.UTF_8)).body(),
        StandardCharsets.UTF_8);
    assertThat(env).contains("HOOK_URL=" + server.functionUrls().get("HookFunction") + "\n");
  }
}
