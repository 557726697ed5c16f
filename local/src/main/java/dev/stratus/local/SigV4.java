package dev.stratus.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a request's Signature Version 4 (the {@code Authorization} header) as AWS does for a service other
 * than S3: the canonical request with its path encoded twice, the credential scope, the signing key derived
 * from the secret, and the clock within five minutes. Pure: the request's parts and the key in, why it is
 * refused out (null when it is not).
 */
final class SigV4 {
  private static final Pattern AUTHORIZATION = Pattern.compile(
      "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*SignedHeaders=([^,]+),"
          + "\\s*Signature=([0-9a-f]{64})");
  private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
      .withZone(ZoneOffset.UTC);
  private static final Duration SKEW = Duration.ofMinutes(5);

  private SigV4() {}

  /**
   * Why the request is refused, or null when {@code accessKey}'s {@code secretKey} signed it for
   * {@code service}. {@code headers}: names in any case, each with its values.
   */
  static String refusal(String method, String rawPath, String rawQuery, Map<String, List<String>> headers,
      byte[] body, String accessKey, String secretKey, String service, Instant now) {
    Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(headers);
    String authorization = first(byName, "authorization");
    if (authorization == null) {
      return "the request is not signed";
    }
    Matcher a = AUTHORIZATION.matcher(authorization.trim());
    if (!a.matches()) {
      return "the Authorization header is not a SigV4 signature";
    }
    if (!a.group(1).equals(accessKey)) {
      return "the access key " + a.group(1) + " is not the local one";
    }
    if (!a.group(4).equals(service)) {
      return "the signature is for " + a.group(4) + ", not " + service;
    }
    String amzDate = first(byName, "x-amz-date");
    Instant signedAt;
    try {
      signedAt = Instant.from(AMZ_DATE.parse(amzDate == null ? "" : amzDate));
    } catch (DateTimeParseException e) {
      return amzDate == null ? "the request has no X-Amz-Date" : "its X-Amz-Date is no yyyyMMddTHHmmssZ";
    }
    if (!amzDate.startsWith(a.group(2))) {
      return "the signature's scope is dated " + a.group(2) + ", its X-Amz-Date " + amzDate;
    }
    if (Duration.between(signedAt, now).abs().compareTo(SKEW) > 0) {
      return "the signature's time " + amzDate + " is more than 5 minutes from now";
    }
    List<String> signed = List.of(a.group(5).split(";"));
    StringBuilder canonicalHeaders = new StringBuilder();
    for (String name : signed) {
      List<String> values = byName.get(name);
      if (values == null) {
        return "the signed header " + name + " is not in the request";
      }
      canonicalHeaders.append(name).append(':')
          .append(String.join(",", values.stream().map(v -> v.trim().replaceAll("\\s+", " ")).toList())).append('\n');
    }
    String canonicalQuery;
    try {
      canonicalQuery = canonicalQuery(rawQuery);
    } catch (IllegalArgumentException e) {
      return "the query string is not well encoded";
    }
    String bodyHash = hex(sha256(body));
    String payload = first(byName, "x-amz-content-sha256");
    if (payload != null && !payload.equals(bodyHash) && !payload.equals("UNSIGNED-PAYLOAD")) {
      return "the body is not the one the X-Amz-Content-Sha256 header hashes";
    }
    String canonical = method + "\n" + canonicalPath(rawPath) + "\n" + canonicalQuery + "\n"
        + canonicalHeaders + "\n" + a.group(5) + "\n" + (payload != null ? payload : bodyHash);
    String scope = a.group(2) + "/" + a.group(3) + "/" + service + "/aws4_request";
    String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
        + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), a.group(2));
    for (String part : List.of(a.group(3), service, "aws4_request")) {
      key = hmac(key, part);
    }
    boolean matches = MessageDigest.isEqual(hex(hmac(key, toSign)).getBytes(StandardCharsets.US_ASCII),
        a.group(6).getBytes(StandardCharsets.US_ASCII));
    return matches ? null : "the signature does not match the request";
  }

  /** Each segment of the path as sent (encoded once) encoded again, as SigV4 wants outside S3. */
  private static String canonicalPath(String rawPath) {
    if (rawPath == null || rawPath.isEmpty()) {
      return "/";
    }
    List<String> segments = new ArrayList<>();
    for (String segment : rawPath.split("/", -1)) {
      segments.add(encode(segment));
    }
    return String.join("/", segments);
  }

  /** The query's pairs decoded, then encoded strictly, sorted by name, then value. */
  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      pairs.add(new String[] {encode(decode(eq < 0 ? pair : pair.substring(0, eq))),
          encode(decode(eq < 0 ? "" : pair.substring(eq + 1)))});
    }
    pairs.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
    return String.join("&", pairs.stream().map(p -> p[0] + "=" + p[1]).toList());
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** RFC 3986's unreserved characters as they are; every other byte as %XX. */
  private static String encode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
          || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(HexFormat.of().withUpperCase().toHexDigits(c));
      }
    }
    return b.toString();
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
