package dev.stratus.filestore;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a deployment accepts, from its template's parameters. Preprocess checks what the client declares up
 * front, and Uploaded checks what actually arrived, so an old client that declares nothing is held to them too.
 *
 * @param maxFileSize the largest upload in bytes ({@code MAX_FILE_SIZE})
 * @param allowedTypes media types an upload may have, {@code image/*} for a whole family; {@code *}{@code /*}
 *     or none for any ({@code ALLOWED_CONTENT_TYPES}, comma-separated)
 * @param maxNameBytes the longest name in UTF-8 bytes ({@code MAX_NAME_BYTES})
 */
public record Limits(long maxFileSize, List<String> allowedTypes, int maxNameBytes) {
  public static final Limits DEFAULT = new Limits(100L << 20, List.of(), 255);

  public Limits {
    allowedTypes = List.copyOf(allowedTypes);
  }

  static Limits fromEnvironment(Map<String, String> env) {
    String types = env.getOrDefault("ALLOWED_CONTENT_TYPES", "");
    return new Limits(
        Long.parseLong(env.getOrDefault("MAX_FILE_SIZE", Long.toString(DEFAULT.maxFileSize))),
        Arrays.stream(types.split(",")).map(t -> t.trim().toLowerCase(Locale.ROOT)).filter(t -> !t.isEmpty()).toList(),
        Integer.parseInt(env.getOrDefault("MAX_NAME_BYTES", Integer.toString(DEFAULT.maxNameBytes))));
  }

  /** Why a file of this size and media type is refused, in the words the uploader sees; empty if it is not. */
  Optional<String> refusal(long size, String type) {
    if (size > maxFileSize) {
      return Optional.of("the file is too large: " + Sizes.describe(size) + ", and files may be at most "
          + Sizes.describe(maxFileSize));
    }
    if (!typeAllowed(type)) {
      return Optional.of("files of type " + type + " are not allowed here; allowed: " + String.join(", ", allowedTypes));
    }
    return Optional.empty();
  }

  /** Why the name is refused; empty if it is not. */
  Optional<String> nameRefusal(String name) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    return bytes <= maxNameBytes ? Optional.empty()
        : Optional.of("the name is too long: " + bytes + " bytes in UTF-8, and names may be at most " + maxNameBytes
            + " bytes");
  }

  private boolean typeAllowed(String type) {
    if (allowedTypes.isEmpty() || allowedTypes.contains("*/*")) {
      return true;
    }
    String wanted = type.toLowerCase(Locale.ROOT);
    return allowedTypes.stream().anyMatch(allowed -> allowed.endsWith("/*")
        ? wanted.startsWith(allowed.substring(0, allowed.length() - 1))
        : wanted.equals(allowed));
  }
}
