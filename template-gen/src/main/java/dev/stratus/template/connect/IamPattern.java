package dev.stratus.template.connect;

import java.util.Locale;
import java.util.regex.Pattern;

/** IAM's wildcards in actions and resources: {@code *} any run of characters, {@code ?} one. */
public final class IamPattern {
  private IamPattern() {}

  /** {@code pattern} as a regular expression; actions are compared without case, so lower-case both. */
  public static Pattern of(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (String part : pattern.split("(?=[*?])|(?<=[*?])")) {
      regex.append(part.equals("*") ? ".*" : part.equals("?") ? "." : Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }

  /** Whether the action pattern {@code pattern} ({@code s3:Get*}) covers {@code action}, without case. */
  public static boolean coversAction(String pattern, String action) {
    return of(pattern.toLowerCase(Locale.ROOT)).matcher(action.toLowerCase(Locale.ROOT)).matches();
  }
}
