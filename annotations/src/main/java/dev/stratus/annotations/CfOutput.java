package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a stack output.
 *
 * <pre>{@code
 * @CfOutput(name = "ApiRootUrl", value = "!Sub https://${FilestoreApi}.execute-api.${AWS::Region}.amazonaws.com/${EnvironmentParameter}")
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Repeatable(CfOutputs.class)
public @interface CfOutput {
  /** Alphanumeric name, unique in the template. */
  String name();

  /** Plain text or an intrinsic in YAML short form. */
  String value();

  String description() default "";

  /** Export name (plain text or intrinsic); empty means not exported. */
  String exportName() default "";

  /** Name of a condition under which the output exists. */
  String condition() default "";
}
