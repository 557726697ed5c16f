package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The authorizer of every route of an API that names none: an authorizer's name or {@code "AWS_IAM"}. A route
 * opts out with {@code authorizer = "NONE"}.
 *
 * <pre>{@code
 * @DefaultAuthorizer(value = "Users", api = "OrdersApi")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(DefaultAuthorizers.class)
public @interface DefaultAuthorizer {
  /** An authorizer's name, or {@code "AWS_IAM"}. */
  String value();

  /** Logical id of the API; empty means SAM's implicit APIs (REST and HTTP). */
  String api() default "";
}
