package dev.stratus.filestore;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/** File ids: 128 random bits from {@link SecureRandom}, URL-safe base64 without padding (22 characters). */
public final class FileIds {
  /**
   * Created before a SnapStart snapshot (priming makes an id): Lambda names SecureRandom among the generators
   * that stay unpredictable across restores of one snapshot, unlike {@code java.util.Random}.
   */
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{22}");

  private FileIds() {}

  public static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static boolean isValid(String id) {
    return id != null && SHAPE.matcher(id).matches();
  }
}
