package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a template parameter.
 *
 * <pre>{@code
 * @CfParameter(name = "StoreOnLoad", defaultValue = "False", allowedValues = {"True", "False"})
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(CfParameters.class)
public @interface CfParameter {
  /** Alphanumeric name, unique in the template. */
  String name();

  /** {@code String}, {@code Number}, {@code CommaDelimitedList}, an {@code AWS::...} type, … */
  String type() default "String";

  /** Default value; empty means none (the parameter must then be given at deploy time). */
  String defaultValue() default "";

  String[] allowedValues() default {};

  String description() default "";
}
