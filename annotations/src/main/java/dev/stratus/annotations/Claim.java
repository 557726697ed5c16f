package dev.stratus.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds a parameter of a typed route to a claim of the caller's verified token, on a route a
 * {@link JwtAuthorizer} or {@link CognitoAuthorizer} guards: {@code @Claim("sub") String user},
 * {@code @Claim("cognito:groups") List<String> groups}. Required unless the parameter is an {@code Optional} or
 * a {@code List}; a token without a required claim is a 401 that names it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Claim {
  String value();
}
