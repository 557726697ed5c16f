package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The issuer that stands in locally for a JWT or Cognito authorizer's real one. Its key lives in a file, so that
 * {@code stratus-local token} in another process mints tokens the running server verifies.
 */
final class LocalIssuer {
  static final String FILE = "issuer-key.json";

  private final String kid;
  private final RSAPrivateCrtKey privateKey;
  private final RSAPublicKey publicKey;

  private LocalIssuer(String kid, RSAPrivateCrtKey privateKey) {
    this.kid = kid;
    this.privateKey = privateKey;
    try {
      this.publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
          .generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The issuer whose key is {@code dir}'s {@value #FILE}, made (RSA 2048, a random kid) when there is none. Two
   * processes that both find none at once each write their own, and the last one wins the file.
   */
  static LocalIssuer open(Path dir) {
    Path file = dir.resolve(FILE);
    try {
      if (Files.isRegularFile(file)) {
        JsonNode stored = Events.JSON.readTree(file.toFile());
        byte[] pkcs8 = Base64.getDecoder().decode(stored.path("privateKey").asText());
        return new LocalIssuer(stored.path("kid").asText(),
            (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8)));
      }
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      LocalIssuer issuer = new LocalIssuer(UUID.randomUUID().toString(),
          (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
      Files.createDirectories(dir);
      Path tmp;
      try {
        tmp = Files.createTempFile(dir, FILE, ".tmp",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        tmp = Files.createTempFile(dir, FILE, ".tmp");
      }
      // Written whole before it is renamed into place, so a reader never sees half a key.
      Files.write(tmp, Events.bytes(Events.JSON.createObjectNode().put("kid", issuer.kid)
          .put("privateKey", Base64.getEncoder().encodeToString(issuer.privateKey.getEncoded()))));
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
      return issuer;
    } catch (IOException | GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new LocalException("cannot read or write the local issuer's key " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where serve and {@code token} keep the key for {@code template}: one folder beside it, whoever runs. */
  static Path dir(Path template) {
    return template.toAbsolutePath().getParent().resolve("stratus-local").resolve("issuer");
  }

  /** The local issuer URL a template's issuer is mapped to ({@code Api/Authorizer}), served by the API's own port. */
  static String issuerUrl(int apiPort, String issuerPath) {
    return "http://127.0.0.1:" + apiPort + "/.stratus/issuers/" + issuerPath;
  }

  /** The JWKS document an issuer publishes, with this issuer's one key. */
  String jwksJson() {
    ObjectNode jwks = Events.JSON.createObjectNode();
    jwks.putArray("keys").addObject().put("kty", "RSA").put("kid", kid).put("use", "sig").put("alg", "RS256")
        .put("n", base64url(unsigned(publicKey.getModulus())))
        .put("e", base64url(unsigned(publicKey.getPublicExponent())));
    return jwks.toString();
  }

  /** kid to key, what {@link Jwt#verify} takes. */
  Map<String, RSAPublicKey> keys() {
    return Map.of(kid, publicKey);
  }

  /** A JWKS document's RSA keys by kid; keys of other types are skipped. */
  static Map<String, RSAPublicKey> parseJwks(String json) {
    Map<String, RSAPublicKey> keys = new LinkedHashMap<>();
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      for (JsonNode key : Events.JSON.readTree(json).path("keys")) {
        if ("RSA".equals(key.path("kty").asText())) {
          BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("n").asText()));
          BigInteger e = new BigInteger(1, Base64.getUrlDecoder().decode(key.path("e").asText()));
          keys.put(key.path("kid").asText(), (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(n, e)));
        }
      }
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new LocalException("not a JWKS document: " + e.getMessage(), e);
    }
    return keys;
  }

  /** {@code claims} as a compact JWT signed RS256 under this issuer's kid. */
  String mint(Map<String, Object> claims) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", "RS256");
    header.put("typ", "JWT");
    header.put("kid", kid);
    String signingInput = base64url(Events.bytes(header)) + "." + base64url(Events.bytes(claims));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(privateKey);
      rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + base64url(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The claims a real issuer writes for {@code subject}. {@code cognito}: a Cognito access token (token_use, the
   * first audience as client_id, username); else an OIDC access token with aud, a string when there is one.
   * {@code extra} claims are added last, over these.
   */
  static Map<String, Object> claims(String issuer, String subject, List<String> audiences, List<String> scopes,
      boolean cognito, Duration ttl, Instant now, Map<String, Object> extra) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("iss", issuer);
    claims.put("sub", subject);
    if (cognito) {
      claims.put("token_use", "access");
      claims.put("username", subject);
    } else if (!audiences.isEmpty()) {
      claims.put("aud", audiences.size() == 1 ? audiences.get(0) : List.copyOf(audiences));
    }
    if (!audiences.isEmpty()) {
      claims.put("client_id", audiences.get(0));
    }
    if (!scopes.isEmpty()) {
      claims.put("scope", String.join(" ", scopes));
    }
    claims.put("iat", now.getEpochSecond());
    claims.put("exp", now.plus(ttl).getEpochSecond());
    claims.put("jti", UUID.randomUUID().toString());
    claims.putAll(extra);
    return claims;
  }

  /** A JWK's integer: big-endian, without the sign byte BigInteger adds when the top bit is set. */
  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
