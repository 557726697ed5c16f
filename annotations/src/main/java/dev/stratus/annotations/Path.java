package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a typed handler method to the route's path parameter: {@code @Path("id") long id}
 * for {@code /products/{id}}. Every {@code {var}} of the path needs exactly one.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Path {
  /** The name between braces in the route's path. */
  String value();
}
