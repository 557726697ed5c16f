package dev.stratus.local;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a bearer JWT as API Gateway's authorizers do: an HTTP API's JWT authorizer, or a REST API's Cognito user
 * pool authorizer. Only RS256 under one of the issuer's keys, the signature checked before any claim is read, and
 * the times with no leeway, as API Gateway documents none. Pure: the header, the keys and the clock in, the claims
 * or why they are refused out.
 */
final class Jwt {
  // Duplicate claims or text after the JSON would let two parsers read one token two ways.
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};
  private static final Pattern BEARER = Pattern.compile("(?i)bearer(?:\\s+|$)");
  // Unpadded base64url, as RFC 7515 wants; the JDK's decoder alone would take padding too.
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

  private Jwt() {}

  /**
   * What an authorizer asks of a token. {@code cognito}: a REST API's Cognito user pool authorizer, else an HTTP
   * API's JWT authorizer. {@code scopes}: the route's; the token needs one of them, none when empty.
   */
  record Rules(String issuer, List<String> audiences, boolean cognito, List<String> scopes) {
    Rules {
      audiences = List.copyOf(audiences);
      scopes = List.copyOf(scopes);
    }
  }

  /** What {@link #verify} found. */
  sealed interface Outcome {}

  /** A token that passed: its claims, as the integration's authorizer context shows them. */
  record Verified(Map<String, Object> claims) implements Outcome {}

  /** {@code status}: 401, or 403 for an HTTP API's good token without the route's scopes. {@code reason}: for logs. */
  record Refused(int status, String reason) implements Outcome {}

  /** {@code authorization}: the identity source's value, the token alone or after {@code Bearer } in any case. */
  static Outcome verify(String authorization, Map<String, RSAPublicKey> keysByKid, Rules rules, Instant now) {
    String token = authorization == null ? "" : authorization.strip();
    Matcher bearer = BEARER.matcher(token);
    if (bearer.lookingAt()) {
      token = token.substring(bearer.end());
    }
    if (token.isEmpty()) {
      return unauthorized("no token");
    }
    String[] parts = token.split("\\.", -1);
    Map<String, Object> header = parts.length == 3 ? object(parts[0]) : null;
    byte[] signature = parts.length == 3 && BASE64URL.matcher(parts[1]).matches() ? bytes(parts[2]) : null;
    if (header == null || signature == null) {
      return unauthorized("the token is not a JWT");
    }
    // Only RS256: "none", and HS256 keyed with the issuer's public key, fail here.
    if (!"RS256".equals(header.get("alg"))) {
      return unauthorized("the token is not signed with RS256");
    }
    RSAPublicKey key = header.get("kid") instanceof String kid ? keysByKid.get(kid) : null;
    if (key == null) {
      return unauthorized("the token's key is not the issuer's");
    }
    if (!signed((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), signature, key)) {
      return unauthorized("the token's signature is not valid");
    }
    Map<String, Object> claims = object(parts[1]);
    if (claims == null) {
      return unauthorized("the token's claims are not a JSON object");
    }
    if (!rules.issuer().equals(claims.get("iss"))) {
      return unauthorized("the token does not have a valid issuer");
    }
    String refusal = rules.cognito() ? cognitoClient(claims, rules) : audience(claims, rules);
    if (refusal != null) {
      return unauthorized(refusal);
    }
    Instant expires = time(claims.get("exp"));
    if (expires == null) {
      return unauthorized("the token has no expiry");
    }
    if (!expires.isAfter(now)) {
      return unauthorized("the token has expired");
    }
    if (claims.containsKey("nbf") && !reached(time(claims.get("nbf")), now)) {
      return unauthorized("the token is not valid yet");
    }
    // API Gateway documents iat as "before the current time": no skew allowed, as for nbf.
    if (claims.containsKey("iat") && !reached(time(claims.get("iat")), now)) {
      return unauthorized("the token was issued in the future");
    }
    if (!rules.scopes().isEmpty() && Collections.disjoint(scopes(claims, rules.cognito()), rules.scopes())) {
      // An HTTP API answers a good token without the scope 403; a REST API's Cognito authorizer 401.
      return new Refused(rules.cognito() ? 401 : 403, "the token does not have a required scope");
    }
    return new Verified(Collections.unmodifiableMap(claims));
  }

  /** The HTTP API rule: aud when the token has one, else client_id, must be one of the authorizer's audiences. */
  private static String audience(Map<String, Object> claims, Rules rules) {
    List<String> claimed = claims.containsKey("aud") ? strings(claims.get("aud")) : strings(claims.get("client_id"));
    return Collections.disjoint(claimed, rules.audiences()) ? "the token does not have a valid audience" : null;
  }

  /** A Cognito id token names its app client in aud, an access token in client_id; any passes when none is set. */
  private static String cognitoClient(Map<String, Object> claims, Rules rules) {
    Object use = claims.get("token_use");
    if (!"id".equals(use) && !"access".equals(use)) {
      return "the token is not a Cognito id or access token";
    }
    List<String> client = strings(claims.get("id".equals(use) ? "aud" : "client_id"));
    return !rules.audiences().isEmpty() && Collections.disjoint(client, rules.audiences())
        ? "the token does not have a valid audience" : null;
  }

  /** The space-separated scope claim; an HTTP API reads scp too, a list or a string, as some issuers write it. */
  static List<String> scopes(Map<String, Object> claims, boolean cognito) {
    Object scope = claims.containsKey("scope") || cognito ? claims.get("scope") : claims.get("scp");
    return scope instanceof String s ? List.of(s.trim().split("\\s+")) : strings(scope);
  }

  /** A claim that is a string or an array of them, as its strings; anything else as none. */
  private static List<String> strings(Object claim) {
    if (claim instanceof String s) {
      return List.of(s);
    }
    return claim instanceof List<?> list
        ? list.stream().filter(String.class::isInstance).map(String.class::cast).toList() : List.of();
  }

  /** A NumericDate (seconds, maybe fractional) as an instant, or null when the claim is no number. */
  private static Instant time(Object claim) {
    return claim instanceof Number n ? Instant.ofEpochMilli(Math.round(n.doubleValue() * 1000)) : null;
  }

  /** Whether a NumericDate claim names a time at or before now; one that is no number never is. */
  private static boolean reached(Instant time, Instant now) {
    return time != null && !time.isAfter(now);
  }

  private static boolean signed(byte[] signingInput, byte[] signature, RSAPublicKey key) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(signingInput);
      return rsa.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A part as a JSON object, or null when it is not base64url of one. */
  private static Map<String, Object> object(String part) {
    byte[] json = bytes(part);
    try {
      return json == null ? null : JSON.readValue(json, OBJECT);
    } catch (IOException e) {
      return null;
    }
  }

  /** A part's bytes, or null when it is not unpadded base64url. */
  private static byte[] bytes(String part) {
    if (!BASE64URL.matcher(part).matches()) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(part);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Refused unauthorized(String reason) {
    return new Refused(401, reason);
  }
}
