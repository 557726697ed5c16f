package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The SAM {@code Globals} section, as YAML. At most one per project (or in the base template).
 *
 * <pre>{@code
 * @CfGlobals("""
 *     Function:
 *       MemorySize: 512
 *       Timeout: 20
 *     """)
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface CfGlobals {
  String value();
}
