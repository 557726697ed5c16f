package dev.stratus.filestore;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} with a file name that survives any browser (RFC 6266): a plain
 * ASCII {@code filename} with quotes, backslashes and control characters replaced, and the exact name in
 * {@code filename*} percent-encoded as UTF-8 (RFC 5987).
 */
public final class ContentDisposition {
  private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

  private ContentDisposition() {}

  public static String attachment(String fileName) {
    return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
  }

  static String asciiFallback(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
    }
    return b.toString();
  }

  static String encode(String name) {
    StringBuilder b = new StringBuilder();
    for (byte raw : name.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }
}
