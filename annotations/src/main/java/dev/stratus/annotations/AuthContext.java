package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a typed route to a value of the context its {@link Authorizer} returned, on a route a
 * Lambda authorizer guards: {@code @AuthContext("tenant") String tenant}. Required unless the parameter is an
 * {@code Optional}; an absent required value is a 401 that names it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface AuthContext {
  String value();
}
