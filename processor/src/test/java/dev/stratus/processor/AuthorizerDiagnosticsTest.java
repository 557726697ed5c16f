package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stratus.processor.Compile.assertSingleError;
import static dev.stratus.processor.Compile.compile;
import static dev.stratus.processor.Compile.handler;
import static dev.stratus.processor.Compile.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Each mistake in naming who may call a route is an error on the attribute that makes it, with the fix. */
class AuthorizerDiagnosticsTest {
  private static final String USERS = """
      @JwtAuthorizer(name = "Users", issuer = "https://issuer.example.com", audience = "web")
      @CognitoAuthorizer(name = "Staff", userPoolArn = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_A")
      public class Auth {}
      """;

  private static JavaFileObject auth() {
    return source("Auth", USERS);
  }

  @Test
  void anUnknownNameSuggestsTheClosest() {
    JavaFileObject src = handler("Orders", """
        @CfFunction
        @HttpApiRoute(path = "/orders", method = "GET", authorizer = "User")
        """);
    assertSingleError(compile(auth(), src), src, "[StratusAuthorizer] no authorizer is named 'User'; did you mean"
        + " 'Users'?; @HttpApiRoute(authorizer) takes the name of a @JwtAuthorizer, @CognitoAuthorizer or @Authorizer,"
        + " \"AWS_IAM\" or \"NONE\"", "authorizer = \"User\"");
  }

  @Test
  void aJwtAuthorizerCannotGuardARestRoute() {
    JavaFileObject src = handler("Orders", """
        @CfFunction
        @ApiRoute(path = "/orders", method = "GET", authorizer = "Users")
        """);
    assertSingleError(compile(auth(), src), src, "[StratusAuthorizer] JWT authorizer 'Users' guards HTTP APIs only,"
        + " and GET /orders of ServerlessRestApi is a REST API's route: guard it with a @CognitoAuthorizer (a user"
        + " pool) or an @Authorizer, or make it an @HttpApiRoute", "authorizer = \"Users\"");
  }

  @Test
  void aCognitoAuthorizerCannotGuardAnHttpRoute() {
    JavaFileObject src = handler("Orders", """
        @CfFunction
        @HttpApiRoute(path = "/orders", method = "GET", authorizer = "Staff")
        """);
    assertSingleError(compile(auth(), src), src, "[StratusAuthorizer] Cognito authorizer 'Staff' guards REST APIs"
        + " only, and GET /orders of ServerlessHttpApi is an HTTP API's route: declare the user pool as"
        + " @JwtAuthorizer(issuer = \"https://cognito-idp.<region>.amazonaws.com/<pool id>\", audience = \"<app client"
        + " id>\")", "authorizer = \"Staff\"");
  }

  @Test
  void scopesNeedAnAuthorizerThatChecksThem() {
    JavaFileObject src = handler("Orders", """
        @CfFunction
        @HttpApiRoute(path = "/open", method = "GET", scopes = "orders/read")
        @HttpApiRoute(path = "/signed", method = "GET", authorizer = "AWS_IAM",
            scopes = "orders/write")
        """);
    Compilation c = compile(auth(), src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[StratusAuthorizer] scopes on GET /open of ServerlessHttpApi need a JWT or"
        + " Cognito authorizer, and nothing guards it: remove scopes, or guard the route with such an authorizer")
        .inFile(src).onLineContaining("scopes = \"orders/read\"");
    assertThat(c).hadErrorContaining("scopes on GET /signed of ServerlessHttpApi need a JWT or Cognito authorizer,"
        + " and AWS_IAM checks signatures, not scopes").inFile(src).onLineContaining("scopes = \"orders/write\"");
  }

  @Test
  void aDefaultMustNameAnAuthorizerThatFitsItsRoutes() {
    JavaFileObject defaults = source("Defaults", """
        @DefaultAuthorizer(value = "Users", api = "")
        @DefaultAuthorizer(value = "Nobody", api = "ServerlessHttpApi")
        public class Defaults {}
        """);
    JavaFileObject src = handler("Orders", """
        @CfFunction
        @ApiRoute(path = "/orders", method = "GET")
        """);
    Compilation c = compile(auth(), defaults, src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[StratusAuthorizer] no authorizer is named 'Nobody'; @DefaultAuthorizer takes")
        .inFile(defaults).onLineContaining("\"Nobody\"");
    assertThat(c).hadErrorContaining("JWT authorizer 'Users' guards HTTP APIs only, and GET /orders of"
        + " ServerlessRestApi is a REST API's route").inFile(defaults).onLineContaining("value = \"Users\"");
  }

  @Test
  void anAuthorizerNoRouteNamesIsAWarning() {
    JavaFileObject src = handler("Orders", """
        @CfFunction
        @HttpApiRoute(path = "/orders", method = "GET", authorizer = "Users")
        """);
    Compilation c = compile(auth(), src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("[StratusUnusedAuthorizer] authorizer 'Staff' guards no route: name it in a"
        + " route's authorizer, or in @DefaultAuthorizer").inFile(auth()).onLineContaining("@CognitoAuthorizer");
  }

  @Test
  void anAuthorizerDefinedByHandOnTheApiIsNotDeclaredAgain() {
    JavaFileObject api = source("Api", """
        @CfResource(logicalId = "OrdersApi", type = "AWS::Serverless::HttpApi", properties = \"""
            Auth:
              Authorizers:
                Users:
                  JwtConfiguration: {issuer: https://other.example.com, audience: [web]}
                  IdentitySource: $request.header.Authorization
            \""")
        public class Api {}
        """);
    JavaFileObject src = handler("Orders", """
        @CfFunction
        @HttpApiRoute(path = "/orders", method = "GET", api = "OrdersApi", authorizer = "Users")
        @ApiRoute(path = "/staff", method = "GET", authorizer = "Staff")
        """);
    Compilation c = compile(auth(), api, src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[StratusAuthorizer] authorizer 'Users' is declared by an annotation and in"
        + " Resources/OrdersApi/Properties/Auth/Authorizers; rename one").inFile(auth())
        .onLineContaining("@JwtAuthorizer");
  }

  @Test
  void anAuthorizerMethodTakesATokenOrTheRequestAndReturnsAnAuthResult() {
    JavaFileObject src = source("Keys", """
        import dev.stratus.runtime.AuthResult;

        public class Keys {
          @CfFunction
          @Authorizer(ttl = 7200)
          @OnSchedule("rate(1 day)")
          public String check(String token,
              int attempts) {
            return "yes";
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(4);
    assertThat(c).hadErrorContaining("[StratusAuthorizer] @Authorizer method Keys.check takes no event: API Gateway"
        + " calls it before the routes that name it; put @OnSchedule on a method of its own").inFile(src)
        .onLineContaining("@OnSchedule");
    assertThat(c).hadErrorContaining("@Authorizer method Keys.check cannot take parameter 'attempts' (int) beside"
        + " 'token': it takes the caller's token as a String, or the whole AuthRequest, and may take a Context")
        .inFile(src).onLineContaining("int attempts");
    assertThat(c).hadErrorContaining("@Authorizer method Keys.check returns java.lang.String; return an AuthResult:"
        + " AuthResult.allow(principal), deny() or unauthorized()").inFile(src).onLineContaining("@Authorizer");
    assertThat(c).hadErrorContaining("[StratusAuthorizer] ttl 7200 of authorizer 'Check' is outside 0..3600: API"
        + " Gateway caches an answer for at most an hour (0 caches nothing)").inFile(src)
        .onLineContaining("ttl = 7200");
  }

  @Test
  void aClaimNeedsATokenAuthorizerAndAContextALambdaOne() {
    JavaFileObject src = source("Me", """
        import dev.stratus.runtime.AuthResult;

        public class Me {
          @CfFunction
          @Authorizer(name = "Keys")
          public AuthResult keys(String token) {
            return AuthResult.deny();
          }

          @CfFunction
          @HttpApiRoute(path = "/me", method = "GET", authorizer = "Keys")
          public String me(@Claim("sub") String user) {
            return user;
          }

          @CfFunction
          @HttpApiRoute(path = "/tenant", method = "GET", authorizer = "Users")
          public String tenant(@AuthContext("tenant") String tenant) {
            return tenant;
          }
        }
        """);
    Compilation c = compile(auth(), src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[StratusAuthorizer] @Claim(\"sub\") on MeMeFunction reads the caller's verified"
        + " token, and GET /me of ServerlessHttpApi has Lambda authorizer 'Keys': guard the route with a"
        + " @JwtAuthorizer or @CognitoAuthorizer, or read an @Authorizer's context with @AuthContext").inFile(src)
        .onLineContaining("@Claim(\"sub\")");
    assertThat(c).hadErrorContaining("[StratusAuthorizer] @AuthContext(\"tenant\") on MeTenantFunction reads what an"
        + " @Authorizer method returned, and GET /tenant of ServerlessHttpApi has JWT authorizer 'Users': guard the"
        + " route with an @Authorizer, or read a token's claims with @Claim").inFile(src)
        .onLineContaining("@AuthContext");
  }

  @Test
  void oneNameIsOneAuthorizerOnAnElement() {
    JavaFileObject src = source("Twice", """
        import dev.stratus.runtime.AuthResult;

        @JwtAuthorizer(name = "Keys", issuer = "https://issuer.example.com", audience = "web")
        public class Twice {
          @CfFunction
          @Authorizer(name = "Keys")
          public AuthResult keys(String token) {
            return AuthResult.deny();
          }

          @CfFunction
          @HttpApiRoute(path = "/x", method = "GET", authorizer = "Keys")
          public String x() {
            return "x";
          }
        }
        """);
    assertSingleError(compile(src), src, "[StratusDuplicateId] authorizer 'Keys' is declared twice on this element;"
        + " rename one or remove the other", "@JwtAuthorizer");
  }
}
