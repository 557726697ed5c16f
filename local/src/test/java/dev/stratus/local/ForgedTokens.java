package dev.stratus.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens made by hand, for what the local issuer would never mint: each carries {@code kid}, the issuer's key id. */
final class ForgedTokens {
  private ForgedTokens() {}

  static String b64(String text) {
    return b64(text.getBytes(StandardCharsets.UTF_8));
  }

  static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String json(Map<String, Object> claims) {
    return new String(Events.bytes(claims), StandardCharsets.UTF_8);
  }

  private static String header(String alg, String kid) {
    return "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
  }

  /** RS256 by a key that is not the issuer's. */
  static String otherKey(String kid, Map<String, Object> claims) throws GeneralSecurityException {
    PrivateKey forger = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPrivate();
    String input = b64(header("RS256", kid)) + "." + b64(json(claims));
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(forger);
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + b64(rsa.sign());
  }

  /** {@code alg: none}, with no signature. */
  static String unsigned(String kid, Map<String, Object> claims) {
    return b64(header("none", kid)) + "." + b64(json(claims)) + ".";
  }

  /** HS256 keyed with {@code secret}: the issuer's public key, in the confusion attack. */
  static String hs256(String kid, byte[] secret, Map<String, Object> claims) throws GeneralSecurityException {
    String input = b64(header("HS256", kid)) + "." + b64(json(claims));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
  }

  /** {@code token} with {@code claims} in place of its own, its signature kept. */
  static String tampered(String token, Map<String, Object> claims) {
    String[] parts = token.split("\\.");
    return parts[0] + "." + b64(json(claims)) + "." + parts[2];
  }
}
