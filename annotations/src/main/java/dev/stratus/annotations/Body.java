package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a typed handler method to the request body: JSON read into a record, a bean with
 * setters, a {@code List}, {@code Map} or JDK value type; a {@code String} or {@code byte[]} takes the body
 * as it is. Required unless the parameter is an {@code Optional}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {}
