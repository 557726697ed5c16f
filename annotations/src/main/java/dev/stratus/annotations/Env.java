package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One environment variable of a {@link CfFunction}:
 * {@code @Env(name = "TABLE_NAME", value = "!Ref FilesTable")}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Env {
  String name();

  /** Plain text, or an intrinsic in YAML short form. */
  String value();
}
