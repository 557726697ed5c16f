package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How the JSON member names of a record's or bean's properties derive from their Java names, for the codecs
 * Stratus generates. On a type, it applies to that type's properties (not to the types nested in it); on a
 * {@code package-info}, to every type of the package that does not say otherwise. An explicit
 * {@link JsonName} wins over the policy. Without either, names are the Java names ({@link Policy#IDENTITY}).
 *
 * <pre>{@code
 * @JsonNaming(JsonNaming.Policy.SNAKE_CASE)
 * public record FileInfo(String id, Instant uploadedAt, Long sizeInBytes) {}   // id, uploaded_at, size_in_bytes
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface JsonNaming {
  Policy value();

  /**
   * A property's Java name split into words where a lower-case letter or digit meets an upper-case one, and
   * before the last capital of a run of capitals that a lower-case letter follows ({@code fileURLValue} →
   * file, URL, Value), then joined.
   */
  enum Policy {
    /** As in Java: {@code uploadedAt}. */
    IDENTITY,
    /** Lower case joined by {@code _}: {@code uploaded_at}, {@code file_url}, {@code s3_key}. */
    SNAKE_CASE,
    /** Lower case joined by {@code -}: {@code uploaded-at}. */
    KEBAB_CASE,
    /** Each word capitalised, as many AWS payloads have it: {@code UploadedAt}, {@code FileURL}. */
    UPPER_CAMEL_CASE
  }
}
