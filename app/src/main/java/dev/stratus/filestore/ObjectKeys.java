package dev.stratus.filestore;

import java.util.Optional;

/**
 * Where a file's bytes live in the bucket. Uploads land under {@code uploads/}, the only prefix a presigned
 * PUT URL can write; Store copies them to {@code files/}, the only prefix download URLs read. So a PUT URL
 * that is used again after Store or Delete writes a staging object, which Uploaded removes, and never the
 * stored bytes.
 */
final class ObjectKeys {
  static final String STAGED = "uploads/";
  static final String STORED = "files/";

  private ObjectKeys() {}

  static String staged(String id) {
    return STAGED + id;
  }

  static String stored(String id) {
    return STORED + id;
  }

  /** The file id of a key under {@code prefix}; empty for a key elsewhere. */
  static Optional<String> id(String key, String prefix) {
    return key.startsWith(prefix) && key.length() > prefix.length()
        ? Optional.of(key.substring(prefix.length())) : Optional.empty();
  }
}
