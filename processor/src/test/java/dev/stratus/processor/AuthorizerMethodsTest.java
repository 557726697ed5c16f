package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.Context;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.stratus.runtime.AuthResult;
import dev.stratus.runtime.TestClient;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code authorizers} scenario's typed methods, compiled and run: an {@code @Authorizer} method answered in
 * each format API Gateway reads, and routes binding what their authorizers pass on.
 */
class AuthorizerMethodsTest {
  private static ClassLoader classes;

  @BeforeAll
  static void compile() throws IOException {
    List<JavaFileObject> sources;
    try (Stream<Path> files = Files.walk(ScenarioTest.SCENARIOS.resolve("authorizers/src"))) {
      sources = files.filter(f -> f.toString().endsWith(".java")).sorted().map(f -> {
        try {
          return JavaFileObjects.forResource(f.toUri().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalStateException(e);
        }
      }).toList();
    }
    Compilation compilation = Compile.compile(sources.toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();
    classes = new JsonCodecsTest.CompiledClasses(compilation, AuthorizerMethodsTest.class.getClassLoader());
  }

  private static TestClient client() throws ReflectiveOperationException {
    return TestClient.of(classes.loadClass("com.example.orders.Accounts").getDeclaredConstructor().newInstance());
  }

  @Test
  void theAuthorizerAllowsDeniesOrRefusesThroughItsGlue() throws Exception {
    TestClient client = client();
    AuthResult allowed = client.authorize("check", "key-acme-admin");
    assertThat(allowed.allowed()).isTrue();
    assertThat(allowed.principal()).isEqualTo("user-acme-admin");
    assertThat(allowed.context()).containsEntry("tenant", "acme-admin").containsEntry("admin", true);
    assertThat(client.authorize("check", "nobody").allowed()).isFalse();
    assertThat(client.authorize("check", "nobody").unauthorizedCaller()).isFalse();
    assertThat(client.authorize("check", "bad").unauthorizedCaller()).isTrue();
  }

  @Test
  void aRestTokenEventGetsAPolicyForTheWholeStage() throws Exception {
    String reply = invoke("check", """
        {"type": "TOKEN", "authorizationToken": "key-acme",
         "methodArn": "arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/tenant"}""");
    assertThat(reply).isEqualTo("{\"principalId\":\"user-acme\",\"policyDocument\":{\"Version\":\"2012-10-17\","
        + "\"Statement\":[{\"Action\":\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":"
        + "\"arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/*\"}]},\"context\":{\"tenant\":\"acme\","
        + "\"admin\":false}}");
    assertThatThrownBy(() -> invoke("check", "{\"type\": \"TOKEN\", \"authorizationToken\": \"bad\"}"))
        .hasRootCauseMessage("Unauthorized");
  }

  @Test
  void aRequestAuthorizerIsHandedItsFirstIdentityHeaderNotAuthorization() throws Exception {
    String event = """
        {"type": "REQUEST", "methodArn": "arn:aws:execute-api:eu-west-1:123456789012:abc/prod/GET/keyed",
         "headers": {"Authorization": "k1", "X-Key": "%s", "X-Tenant": "acme"}}""";
    assertThat(invoke("keys", event.formatted("nope"))).contains("\"Effect\":\"Deny\"");
    assertThat(invoke("keys", event.formatted("k1"))).contains("\"Effect\":\"Allow\"");
  }

  @Test
  void anHttpApiEventGetsASimpleResponseBesideThePolicy() throws Exception {
    String reply = invoke("check", """
        {"version": "2.0", "type": "REQUEST", "routeArn": "arn:aws:execute-api:eu-west-1:123456789012:abc/$default/GET/me",
         "identitySource": ["nobody"], "routeKey": "GET /me", "headers": {"authorization": "nobody"}}""");
    assertThat(reply).startsWith("{\"isAuthorized\":false,\"principalId\":\"anonymous\"").contains("\"Deny\"");
    assertThat(invoke("check", """
        {"version": "2.0", "type": "REQUEST", "identitySource": ["bad"]}""")).startsWith("{\"isAuthorized\":false");
  }

  @Test
  void routesBindClaimsAndTheAuthorizersContext() throws Exception {
    TestClient alice = client().withClaims(Map.of("sub", "alice", "cognito:groups", List.of("staff", "admins")));
    assertThat(alice.get("/me").body()).isEqualTo("\"alice in [staff, admins]\"");
    assertThat(client().request("GET", "/me").claim("sub", "bob").claim("cognito:groups", "[ops dev]")
        .claim("email", "bob@example.com").send().body()).isEqualTo("\"bob in [ops, dev] at bob@example.com\"");
    TestClient tenant = client().withAuthContext(Map.of("tenant", "acme", "admin", true));
    assertThat(tenant.get("/tenant").body()).isEqualTo("\"acme (admin)\"");
  }

  @Test
  void whatTheCredentialsLackIsA401ThatNamesIt() throws Exception {
    TestClient.Answer noSub = client().withClaims(Map.of("email", "x@example.com")).get("/me");
    assertThat(noSub.status()).isEqualTo(401);
    assertThat(noSub.body()).isEqualTo("{\"message\":\"the caller's credentials have no claim 'sub'\"}");
    TestClient.Answer noTenant = client().get("/tenant");
    assertThat(noTenant.status()).isEqualTo(401);
    assertThat(noTenant.body()).isEqualTo("{\"message\":\"the caller's credentials have no authorizer context"
        + " value 'tenant'\"}");
  }

  @Test
  void claimsArriveAsApiGatewayPassesThem() throws Exception {
    String http = invoke("me", """
        {"version": "2.0", "rawPath": "/me", "requestContext": {"http": {"method": "GET"},
         "authorizer": {"jwt": {"claims": {"sub": "alice", "cognito:groups": "[staff admins]"}, "scopes": null}}}}""");
    assertThat(http).contains("alice in [staff, admins]");
    String rest = invoke("tenant", """
        {"httpMethod": "GET", "path": "/tenant", "requestContext": {"authorizer": {"principalId": "user-acme",
         "tenant": "acme", "admin": "true", "integrationLatency": 12}}}""");
    assertThat(rest).contains("acme (admin)");
  }

  /** Calls {@code Accounts_Lambda::method} as Lambda's runtime does. */
  private static String invoke(String method, String event) throws Exception {
    Class<?> type = classes.loadClass("com.example.orders.Accounts_Lambda");
    Object handler = type.getDeclaredConstructor().newInstance();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    type.getMethod(method, InputStream.class, OutputStream.class, Context.class)
        .invoke(handler, new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);
    return out.toString(StandardCharsets.UTF_8);
  }
}
