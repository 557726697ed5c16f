package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a typed handler method to a query string parameter: {@code @Query("q") String q}.
 * Required unless the parameter is an {@code Optional}, a {@code List} (every value, none is empty) or has
 * a {@link #defaultValue}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Query {
  String value();

  /** The value's text when the request has none, converted as a sent value would be; empty means none. */
  String defaultValue() default "";
}
