package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens the local issuer mints pass as API Gateway would let them; forged, stale or misdirected ones do not. */
class JwtVerifierTest {
  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final String ISSUER = LocalIssuer.issuerUrl(3000, "Users");
  private static final Jwt.Rules HTTP = new Jwt.Rules(ISSUER, List.of("app-client"), false, List.of());
  private static final Jwt.Rules SCOPED =
      new Jwt.Rules(ISSUER, List.of("app-client"), false, List.of("orders/write", "orders/read"));

  @TempDir
  static Path dir;
  private static LocalIssuer issuer;
  private static String kid;

  @BeforeAll
  static void openIssuer() {
    issuer = LocalIssuer.open(dir);
    kid = issuer.keys().keySet().iterator().next();
  }

  private static Map<String, Object> claims(List<String> audiences, List<String> scopes, boolean cognito,
      Map<String, Object> extra) {
    return LocalIssuer.claims(ISSUER, "alice", audiences, scopes, cognito, Duration.ofHours(1), NOW, extra);
  }

  private static Map<String, Object> good() {
    return claims(List.of("app-client"), List.of("orders/read"), false, Map.of());
  }

  private static Jwt.Outcome verify(String authorization, Jwt.Rules rules) {
    return Jwt.verify(authorization, issuer.keys(), rules, NOW);
  }

  private static Map<String, Object> verified(Jwt.Outcome outcome) {
    assertThat(outcome).isInstanceOf(Jwt.Verified.class);
    return ((Jwt.Verified) outcome).claims();
  }

  @Test
  void aGoodTokenGivesItsClaims() {
    Map<String, Object> claims = verified(verify(issuer.mint(good()), HTTP));
    assertThat(claims).containsEntry("iss", ISSUER).containsEntry("sub", "alice").containsEntry("aud", "app-client")
        .containsEntry("client_id", "app-client").containsEntry("scope", "orders/read")
        .containsEntry("exp", (int) NOW.plusSeconds(3600).getEpochSecond()).containsKey("jti");
  }

  @Test
  void theBearerPrefixIsOptionalAndInAnyCase() {
    String token = issuer.mint(good());
    for (String value : List.of(token, "Bearer " + token, "bearer " + token, "BEARER " + token, " bEaReR   " + token)) {
      assertThat(verify(value, HTTP)).as(value).isInstanceOf(Jwt.Verified.class);
    }
  }

  @Test
  void anAudienceArrayPassesWhenOneOfItIsTheAuthorizers() {
    Map<String, Object> claims = verified(verify(issuer.mint(claims(List.of("other", "app-client"), List.of(), false,
        Map.of())), HTTP));
    assertThat(claims.get("aud")).isEqualTo(List.of("other", "app-client"));
  }

  @Test
  void withoutAudTheClientIdIsTheAudience() {
    Map<String, Object> claims = good();
    claims.remove("aud");
    assertThat(verified(verify(issuer.mint(claims), HTTP))).doesNotContainKey("aud");
  }

  @Test
  void oneOfTheRoutesScopesSufficesInScopeOrScp() {
    assertThat(verify(issuer.mint(good()), SCOPED)).isInstanceOf(Jwt.Verified.class);
    Map<String, Object> scp = claims(List.of("app-client"), List.of(), false, Map.of("scp", List.of("orders/write")));
    assertThat(verify(issuer.mint(scp), SCOPED)).isInstanceOf(Jwt.Verified.class);
  }

  @Test
  void aCognitoAccessTokenWithTheScopePasses() {
    Jwt.Rules cognito = new Jwt.Rules(ISSUER, List.of("app-client"), true, List.of("orders/read"));
    Map<String, Object> claims = verified(verify(issuer.mint(claims(List.of("app-client"),
        List.of("openid", "orders/read"), true, Map.of("cognito:groups", List.of("admins")))), cognito));
    assertThat(claims).containsEntry("token_use", "access").containsEntry("client_id", "app-client")
        .containsEntry("username", "alice").containsEntry("cognito:groups", List.of("admins")).doesNotContainKey("aud");
  }

  @Test
  void aCognitoIdTokenPassesByItsAud() {
    Map<String, Object> id = new LinkedHashMap<>();
    id.put("iss", ISSUER);
    id.put("sub", "alice");
    id.put("aud", "app-client");
    id.put("token_use", "id");
    id.put("cognito:username", "alice");
    id.put("iat", NOW.getEpochSecond());
    id.put("exp", NOW.plusSeconds(60).getEpochSecond());
    Jwt.Rules anyClient = new Jwt.Rules(ISSUER, List.of(), true, List.of());
    assertThat(verified(verify(issuer.mint(id), new Jwt.Rules(ISSUER, List.of("app-client"), true, List.of()))))
        .containsEntry("token_use", "id");
    assertThat(verify(issuer.mint(id), anyClient)).isInstanceOf(Jwt.Verified.class);
  }

  @Test
  void noTokenIsRefused() {
    for (String value : new String[] {null, "", "   ", "Bearer ", "bearer    ", "BEARER"}) {
      assertThat(verify(value, HTTP)).as("%s", value).isEqualTo(new Jwt.Refused(401, "no token"));
    }
  }

  @Test
  void whatIsNotThreeBase64urlPartsIsRefused() {
    String[] good = issuer.mint(good()).split("\\.");
    String header = good[0];
    for (String value : List.of("a.b", String.join(".", good) + ".d", header + "=." + good[1] + "." + good[2],
        header + "." + good[1] + "=." + good[2], header + "." + good[1] + "." + good[2] + "==",
        header + "." + good[1] + "." + good[2] + "abc", "abcde." + good[1] + "." + good[2],
        ForgedTokens.b64("not json") + "." + good[1] + "." + good[2],
        ForgedTokens.b64("null") + "." + good[1] + "." + good[2],
        "*." + good[1] + "." + good[2], "." + good[1] + "." + good[2])) {
      assertThat(verify(value, HTTP)).as(value).isEqualTo(new Jwt.Refused(401, "the token is not a JWT"));
    }
  }

  @Test
  void aSignatureByAnotherKeyUnderTheIssuersKidIsRefused() throws GeneralSecurityException {
    assertThat(verify(ForgedTokens.otherKey(kid, good()), HTTP))
        .isEqualTo(new Jwt.Refused(401, "the token's signature is not valid"));
  }

  @Test
  void algNoneIsRefused() {
    assertThat(verify(ForgedTokens.unsigned(kid, good()), HTTP))
        .isEqualTo(new Jwt.Refused(401, "the token is not signed with RS256"));
  }

  @Test
  void hs256KeyedWithTheIssuersPublicKeyIsRefused() throws GeneralSecurityException {
    byte[] publicKey = issuer.keys().get(kid).getEncoded();
    String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(publicKey)
        + "\n-----END PUBLIC KEY-----\n";
    for (byte[] secret : List.of(publicKey, pem.getBytes(StandardCharsets.US_ASCII))) {
      assertThat(verify(ForgedTokens.hs256(kid, secret, good()), HTTP))
          .isEqualTo(new Jwt.Refused(401, "the token is not signed with RS256"));
    }
  }

  @Test
  void aTamperedPayloadIsRefused() {
    Map<String, Object> changed = good();
    changed.put("sub", "mallory");
    assertThat(verify(ForgedTokens.tampered(issuer.mint(good()), changed), HTTP))
        .isEqualTo(new Jwt.Refused(401, "the token's signature is not valid"));
  }

  @Test
  void anUnknownKidIsRefused() {
    String token = issuer.mint(good());
    assertThat(Jwt.verify(token, Map.of(), HTTP, NOW))
        .isEqualTo(new Jwt.Refused(401, "the token's key is not the issuer's"));
  }

  @Test
  void anExpiredTokenIsRefusedWithNoLeeway() {
    for (Instant issued : List.of(NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)))) {
      String token = issuer.mint(LocalIssuer.claims(ISSUER, "alice", List.of("app-client"), List.of(), false,
          Duration.ofHours(1), issued, Map.of()));
      assertThat(verify(token, HTTP)).as("issued %s", issued).isEqualTo(new Jwt.Refused(401, "the token has expired"));
    }
  }

  @Test
  void aTokenWithoutExpiryIsRefused() {
    Map<String, Object> claims = good();
    claims.remove("exp");
    assertThat(verify(issuer.mint(claims), HTTP)).isEqualTo(new Jwt.Refused(401, "the token has no expiry"));
    claims.put("exp", "tomorrow");
    assertThat(verify(issuer.mint(claims), HTTP)).isEqualTo(new Jwt.Refused(401, "the token has no expiry"));
  }

  @Test
  void aTokenNotValidYetIsRefused() {
    String early =
        issuer.mint(claims(List.of("app-client"), List.of(), false, Map.of("nbf", NOW.getEpochSecond() + 1)));
    assertThat(verify(early, HTTP)).isEqualTo(new Jwt.Refused(401, "the token is not valid yet"));
    String now = issuer.mint(claims(List.of("app-client"), List.of(), false, Map.of("nbf", NOW.getEpochSecond())));
    assertThat(verify(now, HTTP)).isInstanceOf(Jwt.Verified.class);
  }

  @Test
  void aTokenIssuedInTheFutureIsRefused() {
    String token =
        issuer.mint(claims(List.of("app-client"), List.of(), false, Map.of("iat", NOW.getEpochSecond() + 1)));
    assertThat(verify(token, HTTP)).isEqualTo(new Jwt.Refused(401, "the token was issued in the future"));
  }

  @Test
  void anotherIssuersTokenIsRefused() {
    String token = issuer.mint(LocalIssuer.claims(LocalIssuer.issuerUrl(3000, "Admins"), "alice",
        List.of("app-client"), List.of(), false, Duration.ofHours(1), NOW, Map.of()));
    assertThat(verify(token, HTTP)).isEqualTo(new Jwt.Refused(401, "the token does not have a valid issuer"));
  }

  @Test
  void anotherAudienceIsRefusedAndAudWinsOverClientId() {
    Jwt.Refused refused = new Jwt.Refused(401, "the token does not have a valid audience");
    assertThat(verify(issuer.mint(claims(List.of("other-client"), List.of(), false, Map.of())), HTTP))
        .isEqualTo(refused);
    assertThat(verify(issuer.mint(claims(List.of("other-client"), List.of(), false,
        Map.of("client_id", "app-client"))), HTTP)).as("client_id is read only without aud").isEqualTo(refused);
    Map<String, Object> noAud = claims(List.of("other-client"), List.of(), false, Map.of());
    noAud.remove("aud");
    assertThat(verify(issuer.mint(noAud), HTTP)).isEqualTo(refused);
  }

  @Test
  void aGoodTokenWithoutTheRoutesScopeIsForbidden() {
    Jwt.Refused forbidden = new Jwt.Refused(403, "the token does not have a required scope");
    assertThat(verify(issuer.mint(claims(List.of("app-client"), List.of("profile"), false, Map.of())), SCOPED))
        .isEqualTo(forbidden);
    assertThat(verify(issuer.mint(claims(List.of("app-client"), List.of(), false, Map.of())), SCOPED))
        .isEqualTo(forbidden);
  }

  @Test
  void aCognitoAuthorizerRefusesOtherTokensClientsAndScopesWith401() {
    Jwt.Rules cognito = new Jwt.Rules(ISSUER, List.of("app-client"), true, List.of("orders/read"));
    assertThat(verify(issuer.mint(good()), cognito))
        .isEqualTo(new Jwt.Refused(401, "the token is not a Cognito id or access token"));
    assertThat(verify(issuer.mint(claims(List.of("other-client"), List.of("orders/read"), true, Map.of())), cognito))
        .isEqualTo(new Jwt.Refused(401, "the token does not have a valid audience"));
    assertThat(verify(issuer.mint(claims(List.of("app-client"), List.of("profile"), true, Map.of())), cognito))
        .isEqualTo(new Jwt.Refused(401, "the token does not have a required scope"));
  }
}
