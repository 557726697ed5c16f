package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a template condition.
 *
 * <pre>{@code
 * @CfCondition(name = "CreateExpirationScheduler", value = "!Equals [!Ref StoreOnLoad, 'False']")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(CfConditions.class)
public @interface CfCondition {
  /** Alphanumeric name, unique in the template. */
  String name();

  /** A condition function in YAML short form: {@code !Equals}, {@code !Not}, {@code !And}, {@code !Or}, {@code !Condition}. */
  String value();
}
