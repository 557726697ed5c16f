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

  /** The closest candidate to {@code name} when it is close enough to be a likely typo. */
  public static Optional<String> closest(String name, Collection<String> candidates) {
    int limit = Math.min(Math.max(2, name.length() / 3), name.length() - 1);
    return candidates.stream()
        .filter(c -> distance(name.toLowerCase(java.util.Locale.ROOT), c.toLowerCase(java.util.Locale.ROOT)) <= limit)
        .min(Comparator.comparingInt((String c) -> distance(name, c)).thenComparing(c -> c));
  }

  /** " (did you mean 'X'?)" or nothing. */
  public static String suggestion(String name, Collection<String> candidates) {
    return closest(name, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
