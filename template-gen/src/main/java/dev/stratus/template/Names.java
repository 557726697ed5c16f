package dev.stratus.template;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/** Rules and helpers for the names a template defines: logical ids and suggestions for misspelt ones. */
public final class Names {
  private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");

  private Names() {}

  /** CloudFormation's rule for logical ids, parameter, condition, mapping and output names. */
  public static boolean isValidLogicalId(String id) {
    return LOGICAL_ID.matcher(id).matches();
  }

  /**
   * The closest candidate to {@code name} when it is close enough to be a likely typo, or when one is the
   * other cut short ({@code AssumeRolePolicy} for {@code AssumeRolePolicyDocument}).
   */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    // A third of the name may be wrong, but never all of it: 'B' is no typo of 'A'.
    int limit = Math.min(Math.max(1, name.length() / 3), name.length() - 1);
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    Optional<String> typo = candidates.stream()
        .filter(c -> distance(lower, c.toLowerCase(java.util.Locale.ROOT)) <= limit)
        .min(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c));
    if (typo.isPresent() || name.length() < 4) {
      return typo;
    }
    return candidates.stream()
        .filter(c -> c.toLowerCase(java.util.Locale.ROOT).startsWith(lower) || lower.startsWith(c.toLowerCase(java.util.Locale.ROOT)))
        .min(Comparator.comparingInt((String c) -> Math.abs(c.length() - name.length())).thenComparing(c -> c));
  }

  /** " (did you mean 'X'?)" or nothing. */
  public static String suggestion(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  /** Edit distance counting a swap of neighbours as one edit (optimal string alignment): typos are often swaps. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
