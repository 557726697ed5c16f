package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local issuer's key outlives the process that made it; its JWKS and tokens are what a real issuer's are. */
class LocalIssuerTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final String ISSUER = LocalIssuer.issuerUrl(3000, "Users");
  private static final Jwt.Rules RULES = new Jwt.Rules(ISSUER, List.of("app-client"), false, List.of());

  @TempDir
  Path dir;

  private static String token(LocalIssuer issuer) {
    return issuer.mint(LocalIssuer.claims(ISSUER, "alice", List.of("app-client"), List.of(), false,
        Duration.ofMinutes(5), NOW, Map.of()));
  }

  @Test
  void theIssuerUrlIsOnTheApisPort() {
    assertThat(ISSUER).isEqualTo("http://127.0.0.1:3000/.stratus/issuers/Users");
  }

  @Test
  void theKeyFileIsReusedByTheNextOpen() throws IOException {
    LocalIssuer first = LocalIssuer.open(dir.resolve("state"));
    LocalIssuer second = LocalIssuer.open(dir.resolve("state"));
    assertThat(second.keys()).isEqualTo(first.keys());
    assertThat(Jwt.verify(token(first), second.keys(), RULES, NOW)).isInstanceOf(Jwt.Verified.class);
    Path file = dir.resolve("state").resolve(LocalIssuer.FILE);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).as("no temporary file left").containsExactly(file);
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
  }

  @Test
  void anotherLocalIssuersTokenIsRefused() {
    LocalIssuer mine = LocalIssuer.open(dir.resolve("mine"));
    LocalIssuer other = LocalIssuer.open(dir.resolve("other"));
    assertThat(other.keys().keySet()).doesNotContainAnyElementsOf(mine.keys().keySet());
    assertThat(Jwt.verify(token(other), mine.keys(), RULES, NOW))
        .isEqualTo(new Jwt.Refused(401, "the token's key is not the issuer's"));
  }

  @Test
  void theJwksDocumentReadsBackAsTheKeys() throws IOException {
    LocalIssuer issuer = LocalIssuer.open(dir);
    String kid = issuer.keys().keySet().iterator().next();
    JsonNode key = Events.JSON.readTree(issuer.jwksJson()).path("keys").path(0);
    assertThat(key.path("kty").asText()).isEqualTo("RSA");
    assertThat(key.path("kid").asText()).isEqualTo(kid);
    assertThat(key.path("use").asText()).isEqualTo("sig");
    assertThat(key.path("alg").asText()).isEqualTo("RS256");
    assertThat(key.path("e").asText()).isEqualTo("AQAB");
    byte[] n = Base64.getUrlDecoder().decode(key.path("n").asText());
    assertThat(n).as("2048 bits, no sign byte").hasSize(256);
    assertThat(n[0]).isNotZero();
    Map<String, RSAPublicKey> parsed = LocalIssuer.parseJwks(issuer.jwksJson());
    assertThat(parsed.keySet()).containsExactly(kid);
    assertThat(parsed.get(kid).getModulus()).isEqualTo(issuer.keys().get(kid).getModulus());
    assertThat(parsed.get(kid).getPublicExponent()).isEqualTo(issuer.keys().get(kid).getPublicExponent());
    assertThat(Jwt.verify(token(issuer), parsed, RULES, NOW)).isInstanceOf(Jwt.Verified.class);
  }

  @Test
  void aJwksDocumentsOtherKeyTypesAreSkipped() {
    LocalIssuer issuer = LocalIssuer.open(dir);
    String mixed = issuer.jwksJson().replace("{\"keys\":[",
        "{\"keys\":[{\"kty\":\"EC\",\"kid\":\"ec\",\"crv\":\"P-256\",\"x\":\"AA\",\"y\":\"AA\"},");
    assertThat(LocalIssuer.parseJwks(mixed)).isEqualTo(LocalIssuer.parseJwks(issuer.jwksJson())).hasSize(1);
  }

  @Test
  void theClaimsAreWhatARealIssuerWrites() {
    Map<String, Object> oidc = LocalIssuer.claims(ISSUER, "alice", List.of("a", "b"), List.of("orders/read", "openid"),
        false, Duration.ofMinutes(5), NOW, Map.of("sub", "bob"));
    assertThat(oidc).containsEntry("iss", ISSUER).containsEntry("sub", "bob").containsEntry("aud", List.of("a", "b"))
        .containsEntry("client_id", "a").containsEntry("scope", "orders/read openid")
        .containsEntry("iat", NOW.getEpochSecond()).containsEntry("exp", NOW.getEpochSecond() + 300)
        .containsKey("jti").doesNotContainKey("token_use");
    Map<String, Object> cognito = LocalIssuer.claims(ISSUER, "alice", List.of("a"), List.of("orders/read"), true,
        Duration.ofMinutes(5), NOW, Map.of("cognito:groups", List.of("admins")));
    assertThat(cognito).containsEntry("token_use", "access").containsEntry("client_id", "a")
        .containsEntry("username", "alice").containsEntry("scope", "orders/read")
        .containsEntry("cognito:groups", List.of("admins")).doesNotContainKey("aud");
  }

  @Test
  void anAuthorizersLocalIssuerIsOnePerIssuerTheTemplateNames() {
    Authorizer.Bearer rest = new Authorizer.Bearer("ServerlessRestApi", "Users", "https://a.example.com",
        "https://a.example.com", List.of("web"), "Authorization", false, List.of());
    Authorizer.Bearer sameIssuer = new Authorizer.Bearer("ReportsApi", "Users", "https://a.example.com",
        "https://a.example.com", List.of("web"), "Authorization", false, List.of());
    Authorizer.Bearer otherIssuer = new Authorizer.Bearer("PartnersApi", "Users", "https://b.example.com",
        "https://b.example.com", List.of("web"), "Authorization", false, List.of());
    assertThat(rest.issuerPath()).startsWith("Users-").isEqualTo(sameIssuer.issuerPath())
        .as("another API's Users trusts another issuer: its tokens are not these").isNotEqualTo(otherIssuer.issuerPath());
  }
}
