package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON member name of a property, as the codecs Stratus generates read and write it:
 * {@code record Upload(@JsonName("uploaded_at") Instant uploadedAt)}. It goes on a record component, or on a
 * bean property's getter, setter or field (one of them is enough; where several say it, they must agree).
 * It wins over any {@link JsonNaming} policy. The name must not be empty, and two properties of one type must
 * not share a name: both are compile errors.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.METHOD, ElementType.FIELD})
public @interface JsonName {
  /** The member name, exactly as it appears in the JSON text. */
  String value();
}
