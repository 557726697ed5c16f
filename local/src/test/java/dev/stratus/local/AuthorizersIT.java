package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A template's authorizers, held by a real serve as API Gateway holds them: JWT, Cognito, AWS_IAM and Lambda ones,
 * each refusal with API Gateway's status and body, and what each one found in the function's event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizersIT {
  private static final String TEMPLATE = """
      Transform: AWS::Serverless-2016-10-31
      Globals:
        Function: {Runtime: java21, CodeUri: handlers.jar}
        HttpApi:
          Auth:
            EnableIamAuthorizer: true
            Authorizers:
              Users:
                JwtConfiguration:
                  issuer: !Sub https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}
                  audience: [orders-web]
                IdentitySource: $request.header.Authorization
              Tenants:
                FunctionArn: !GetAtt TenantAuthorizer.Arn
                AuthorizerPayloadFormatVersion: '2.0'
                EnableSimpleResponses: true
                Identity: {Headers: [Authorization]}
        Api:
          Auth:
            Authorizers:
              Staff:
                UserPoolArn: !GetAtt UserPool.Arn
                Identity: {Header: Authorization}
              Tokens:
                FunctionArn: !GetAtt TokenAuthorizer.Arn
                FunctionPayloadType: TOKEN
                Identity: {Header: Authorization, ReauthorizeEvery: 300}
      Resources:
        UserPool: {Type: AWS::Cognito::UserPool}
        ReportsApi:
          Type: AWS::Serverless::Api
          Properties: {StageName: v1, Auth: {DefaultAuthorizer: AWS_IAM}}
        TokenAuthorizer:
          Type: AWS::Serverless::Function
          Properties: {Handler: dev.stratus.local.handlers.TestHandlers$Authorizer::handleRequest}
        TenantAuthorizer:
          Type: AWS::Serverless::Function
          Properties: {Handler: dev.stratus.local.handlers.TestHandlers$Authorizer::handleRequest}
        EchoFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: dev.stratus.local.handlers.TestHandlers$Echo::handleRequest
            Events:
              Orders:
                Type: HttpApi
                Properties: {Path: /orders, Method: get, Auth: {Authorizer: Users, AuthorizationScopes: [orders/read]}}
              OrdersV1:
                Type: HttpApi
                Properties: {Path: /v1/orders, Method: get, PayloadFormatVersion: '1.0', Auth: {Authorizer: Users}}
              PostOrders: {Type: HttpApi, Properties: {Path: /orders, Method: post, Auth: {Authorizer: AWS_IAM}}}
              Tenants: {Type: HttpApi, Properties: {Path: /tenants, Method: get, Auth: {Authorizer: Tenants}}}
              Health: {Type: HttpApi, Properties: {Path: /health, Method: get}}
              Staff:
                Type: Api
                Properties: {Path: /staff, Method: get, Auth: {Authorizer: Staff, AuthorizationScopes: [staff/read]}}
              Reports: {Type: Api, Properties: {Path: /reports, Method: get, RestApiId: !Ref ReportsApi}}
              PublicReports:
                Type: Api
                Properties: {Path: /reports/public, Method: get, RestApiId: !Ref ReportsApi, Auth: {Authorizer: NONE}}
              Tokens: {Type: Api, Properties: {Path: /tokens, Method: get, Auth: {Authorizer: Tokens}}}
              DeleteTokens: {Type: Api, Properties: {Path: /tokens, Method: delete, Auth: {Authorizer: Tokens}}}
      """;
  private static final String UNAUTHORIZED = "{\"message\":\"Unauthorized\"}";
  private static final String FORBIDDEN = "{\"message\":\"Forbidden\"}";

  private final ServeLog log = new ServeLog();
  private Path template;
  private LocalServer server;
  /** The serve's issuer, opened from the folder it keeps its key in, as {@code token} opens it. */
  private LocalIssuer issuer;
  private String api;

  @BeforeAll
  void start() throws IOException {
    template = TestStacks.write("auth", TEMPLATE);
    server = LocalServer.start(TestStacks.options(template, 1, 1, "auth", null), log.out);
    issuer = LocalIssuer.open(LocalIssuer.dir(template));
    api = "http://127.0.0.1:" + server.port();
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private HttpResponse<String> call(String method, String path, String authorization) {
    return Http.call(method, api + path, null, authorization == null ? Map.of() : Map.of("Authorization", authorization));
  }

  /** The local issuer serve maps {@code authorizer}'s to, as its start-up says; one it does not serve otherwise. */
  private String issuerUrl(String authorizer) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("authorizer " + authorizer
        + ": .*? is mapped to (\\S+);").matcher(log.text());
    return m.find() ? m.group(1) : LocalIssuer.issuerUrl(server.port(), authorizer);
  }

  /** What the local issuer writes for alice under {@code authorizer}, issued at {@code issued}, plus {@code extra}. */
  private Map<String, Object> claims(String authorizer, List<String> audiences, List<String> scopes, boolean cognito,
      Instant issued, Map<String, Object> extra) {
    return LocalIssuer.claims(issuerUrl(authorizer), "alice", audiences, scopes, cognito, Duration.ofHours(1), issued,
        extra);
  }

  /** A token the JWT authorizer Users takes for GET /orders: its audience and scope. */
  private Map<String, Object> users(Map<String, Object> extra) {
    return claims("Users", List.of("orders-web"), List.of("orders/read"), false, Instant.now(), extra);
  }

  private static JsonNode authorizer(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return Http.json(r).at("/requestContext/authorizer");
  }

  @Test
  void aGoodJwtPassesAndTheFunctionSeesItsClaimsAsApiGatewayWritesThem() {
    String token = issuer.mint(users(Map.of("cognito:groups", List.of("admins", "staff"))));
    JsonNode jwt = authorizer(call("GET", "/orders", "Bearer " + token)).get("jwt");
    assertThat(jwt.at("/claims/sub").asText()).isEqualTo("alice");
    assertThat(jwt.at("/claims/cognito:groups").asText()).isEqualTo("[admins staff]");
    assertThat(jwt.at("/claims/exp").isTextual()).as("every claim a string").isTrue();
    assertThat(jwt.get("scopes").toString()).isEqualTo("[\"orders/read\"]");
    JsonNode v1 = authorizer(call("GET", "/v1/orders", "Bearer " + token));
    assertThat(v1.at("/claims/aud").asText()).as("payload 1.0").isEqualTo("orders-web");
    assertThat(call("GET", "/health", null).statusCode()).as("a route without an authorizer").isEqualTo(200);
  }

  @Test
  void everyBadJwtIsRefusedWithApiGatewaysAnswer() throws Exception {
    Map<String, Object> good = users(Map.of());
    String kid = issuer.keys().keySet().iterator().next();
    Map<String, Object> mallory = users(Map.of("sub", "mallory"));
    Path elsewhere = Files.createTempDirectory("stratus-other-issuer");
    Map<String, String[]> refused = new LinkedHashMap<>(); // what → {Authorization, why}
    refused.put("no header", new String[] {null, "no token"});
    refused.put("a forged signature", new String[] {ForgedTokens.otherKey(kid, good), "the token's signature is not valid"});
    refused.put("alg none", new String[] {ForgedTokens.unsigned(kid, good), "the token is not signed with RS256"});
    refused.put("HS256 keyed with the public key", new String[] {ForgedTokens.hs256(kid,
        issuer.keys().get(kid).getEncoded(), good), "the token is not signed with RS256"});
    refused.put("expired", new String[] {issuer.mint(claims("Users", List.of("orders-web"), List.of("orders/read"),
        false, Instant.now().minus(Duration.ofHours(2)), Map.of())), "the token has expired"});
    refused.put("not valid yet", new String[] {issuer.mint(users(Map.of("nbf", Instant.now().getEpochSecond() + 600))),
        "the token is not valid yet"});
    refused.put("another issuer", new String[] {issuer.mint(claims("Admins", List.of("orders-web"),
        List.of("orders/read"), false, Instant.now(), Map.of())), "the token does not have a valid issuer"});
    refused.put("another audience", new String[] {issuer.mint(claims("Users", List.of("other-app"),
        List.of("orders/read"), false, Instant.now(), Map.of())), "the token does not have a valid audience"});
    refused.put("another local issuer's key", new String[] {LocalIssuer.open(elsewhere).mint(good),
        "the token's key is not the issuer's"});
    refused.put("a tampered payload", new String[] {ForgedTokens.tampered(issuer.mint(good), mallory),
        "the token's signature is not valid"});
    refused.forEach((what, c) -> {
      HttpResponse<String> r = call("GET", "/orders", c[0] == null ? null : "Bearer " + c[0]);
      assertThat(r.statusCode()).as(what).isEqualTo(401);
      assertThat(r.body()).as(what).isEqualTo(UNAUTHORIZED);
      assertThat(r.headers().firstValue("www-authenticate")).as(what)
          .hasValue("Bearer scope=\"\" error=\"invalid_token\" error_description=\"" + c[1] + "\"");
    });
    HttpResponse<String> unscoped = call("GET", "/orders", "Bearer " + issuer.mint(claims("Users",
        List.of("orders-web"), List.of("profile"), false, Instant.now(), Map.of())));
    assertThat(unscoped.statusCode()).isEqualTo(403);
    assertThat(unscoped.body()).isEqualTo(FORBIDDEN);
    assertThat(unscoped.headers().firstValue("www-authenticate")).hasValue("Bearer scope=\"orders/read\""
        + " error=\"insufficient_scope\" error_description=\"the token does not have a required scope\"");
    assertThat(log.text()).contains("[EchoFunction] refused a request: the token's key is not the issuer's");
  }

  @Test
  void aCognitoRouteTakesTheLocalPoolsAccessTokensAndRefusesTheRestWith401() {
    String good = issuer.mint(claims("Staff", List.of("web"), List.of("staff/read"), true, Instant.now(), Map.of()));
    JsonNode claims = authorizer(call("GET", "/staff", good)).get("claims");
    assertThat(claims.get("username").asText()).isEqualTo("alice");
    assertThat(claims.get("client_id").asText()).isEqualTo("web");
    assertThat(claims.get("exp").asText()).as("REST's Cognito authorizer writes times as dates")
        .matches("\\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} UTC \\d{4}");
    Map<String, String> refused = new LinkedHashMap<>();
    refused.put("no scope of the route's", issuer.mint(claims("Staff", List.of("web"), List.of("profile"), true,
        Instant.now(), Map.of())));
    refused.put("no Cognito token", issuer.mint(claims("Staff", List.of("web"), List.of("staff/read"), false,
        Instant.now(), Map.of())));
    refused.put("the JWT authorizer's token", issuer.mint(users(Map.of("token_use", "access"))));
    refused.put("none", null);
    refused.forEach((what, token) -> {
      HttpResponse<String> r = call("GET", "/staff", token);
      assertThat(r.statusCode()).as(what).isEqualTo(401);
      assertThat(r.body()).as(what).isEqualTo(UNAUTHORIZED);
      assertThat(r.headers().firstValue("www-authenticate")).as(what).isEmpty();
    });
  }

  @Test
  void awsIamRoutesServeWhatTheLocalKeysSign() {
    URI reports = URI.create(api + "/reports");
    HttpResponse<String> unsigned = call("GET", "/reports", null);
    assertThat(unsigned.statusCode()).isEqualTo(403);
    assertThat(unsigned.body()).isEqualTo("{\"message\":\"Missing Authentication Token\"}");
    for (String[] wrong : new String[][] {{"guessed", "execute-api"}, {LocalServer.SECRET_KEY, "lambda"}}) {
      HttpResponse<String> r = Http.call("GET", reports.toString(), null, Http.signed("GET", reports, "", wrong[0],
          wrong[1]));
      assertThat(r.statusCode()).as(wrong[1]).isEqualTo(403);
      assertThat(r.body()).as(wrong[1]).isEqualTo("{\"message\":\"The request signature we calculated does not match"
          + " the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service"
          + " documentation for details.\"}");
    }
    HttpResponse<String> signed = Http.call("GET", reports.toString(), null, Http.signed("GET", reports, "",
        LocalServer.SECRET_KEY, "execute-api"));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
    JsonNode identity = Http.json(signed).at("/requestContext/identity");
    assertThat(identity.get("accessKey").asText()).isEqualTo(LocalServer.ACCESS_KEY);
    assertThat(identity.get("userArn").asText()).isEqualTo("arn:aws:iam::000000000000:user/local");
    assertThat(call("GET", "/reports/public", null).statusCode()).as("NONE over the API's default").isEqualTo(200);

    URI orders = URI.create(api + "/orders");
    for (String secret : new String[] {null, "guessed"}) {
      HttpResponse<String> r = Http.call("POST", orders.toString(), "{}", secret == null ? Map.of()
          : Http.signed("POST", orders, "{}", secret, "execute-api"));
      assertThat(r.statusCode()).as(secret).isEqualTo(403);
      assertThat(r.body()).as(secret).isEqualTo(FORBIDDEN);
    }
    HttpResponse<String> post = Http.call("POST", orders.toString(), "{}", Http.signed("POST", orders, "{}",
        LocalServer.SECRET_KEY, "execute-api"));
    assertThat(authorizer(post).at("/iam/userArn").asText()).isEqualTo("arn:aws:iam::000000000000:user/local");
  }

  @Test
  void aTokenAuthorizerAllowsDeniesAndCachesEachTokensOwnAnswer() {
    JsonNode first = authorizer(call("GET", "/tokens", "allow-acme"));
    assertThat(first.get("principalId").asText()).isEqualTo("user-allow-acme");
    assertThat(first.get("tenant").asText()).isEqualTo("acme");
    int calls = first.get("calls").asInt();
    assertThat(authorizer(call("GET", "/tokens", "allow-acme")).get("calls").asInt())
        .as("within ReauthorizeEvery, the answer is the cached one: the authorizer is not called").isEqualTo(calls);
    HttpResponse<String> other = call("GET", "/tokens", "deny-mallory");
    assertThat(other.statusCode()).as("another token gets its own answer, not the cached Allow").isEqualTo(403);
    assertThat(other.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource with an explicit"
        + " deny\"}");
    HttpResponse<String> delete = call("DELETE", "/tokens", "allow-acme");
    assertThat(delete.statusCode()).as("the cached policy allows GET only, held against DELETE's ARN").isEqualTo(403);
    assertThat(delete.body()).isEqualTo("{\"Message\":\"User is not authorized to access this resource\"}");
    for (String token : new String[] {"bad", null}) {
      HttpResponse<String> r = call("GET", "/tokens", token);
      assertThat(r.statusCode()).as(token).isEqualTo(401);
      assertThat(r.body()).as(token).isEqualTo(UNAUTHORIZED);
    }
    assertThat(authorizer(call("GET", "/tokens", "allow-zed")).get("calls").asInt())
        .as("called for deny-mallory, bad and allow-zed only: not without a token").isEqualTo(calls + 3);
  }

  @Test
  void anHttpApisSimpleAuthorizerAllowsAndDenies() {
    JsonNode lambda = authorizer(call("GET", "/tenants", "allow-beta")).get("lambda");
    assertThat(lambda.get("tenant").asText()).isEqualTo("beta");
    assertThat(authorizer(call("GET", "/tenants", "allow-beta")).at("/lambda/calls").asInt())
        .as("no ReauthorizeEvery: no cache").isEqualTo(lambda.get("calls").asInt() + 1);
    HttpResponse<String> denied = call("GET", "/tenants", "deny-x");
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(denied.body()).isEqualTo(FORBIDDEN);
    for (String token : new String[] {"bad", null}) {
      HttpResponse<String> r = call("GET", "/tenants", token);
      assertThat(r.statusCode()).as(token).isEqualTo(401);
      assertThat(r.body()).as(token).isEqualTo(UNAUTHORIZED);
    }
  }

  @Test
  void theLocalIssuersAreAnnouncedAndTheirKeysPublishedOnTheApiPort() {
    String users = issuerUrl("Users");
    assertThat(users).matches(java.util.regex.Pattern.quote(api) + "/\\.stratus/issuers/Users-[0-9a-f]{8}");
    HttpResponse<String> jwks = call("GET", users.substring(api.length()) + "/.well-known/jwks.json", null);
    assertThat(jwks.statusCode()).isEqualTo(200);
    assertThat(LocalIssuer.parseJwks(jwks.body())).isEqualTo(issuer.keys());
    assertThat(call("GET", "/.stratus/issuers/Tenants/.well-known/jwks.json", null).statusCode()).isEqualTo(404);
    assertThat(log.text()).contains("stratus-local: JWT authorizer Users: issuer https://cognito-idp.us-east-1"
        + ".amazonaws.com/auth-UserPool is mapped to " + users + "; mint tokens with:"
        + " stratus-local token --authorizer Users --template " + template + " --sub alice --scope orders/read\n")
        .contains("stratus-local: Cognito authorizer Staff: user pool ")
        .contains(" is mapped to " + issuerUrl("Staff") + "; mint tokens with: stratus-local token"
            + " --authorizer Staff --template " + template + " --sub alice --scope staff/read\n");
  }

  @Test
  void theTokenCommandMintsWhatServeTakes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LocalMain main = new LocalMain(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    RunFile.write(template, server); // as serve writes it: the token's issuer is on the port it names
    try {
      assertThat(main.run("token", "--authorizer", "Users", "--template", template.toString(), "--sub", "carol",
          "--scope", "orders/read", "--claim", "level=3", "--claim", "team=blue")).as(err.toString()).isZero();
    } finally {
      RunFile.delete(template);
    }
    assertThat(main.run("token", "--authorizer", "Staff", "--template", template.toString(), "--scope", "staff/read",
        "--port", Integer.toString(server.port()))).as(err.toString()).isZero();
    String[] tokens = out.toString(StandardCharsets.UTF_8).split("\n");
    JsonNode users = authorizer(call("GET", "/orders", "Bearer " + tokens[0])).at("/jwt/claims");
    assertThat(users.get("sub").asText()).isEqualTo("carol");
    assertThat(users.get("level").asText()).isEqualTo("3");
    assertThat(users.get("team").asText()).isEqualTo("blue");
    JsonNode staff = authorizer(call("GET", "/staff", tokens[1])).get("claims");
    assertThat(staff.get("token_use").asText()).isEqualTo("access");
    assertThat(staff.get("scope").asText()).isEqualTo("staff/read");
    assertThat(main.run("token", "--authorizer", "Tokens", "--template", template.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: no JWT or Cognito authorizer Tokens in "
        + template + "; it has: Staff (ReportsApi), Staff (ServerlessRestApi), Users (ServerlessHttpApi)");
  }
}
