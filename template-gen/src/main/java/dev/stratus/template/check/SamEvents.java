package dev.stratus.template.check;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of SAM event sources that are worth checking before deployment: HTTP methods and paths,
 * EventBridge schedule expressions, batch sizes. Each check returns the problem in the user's words, or empty.
 */
public final class SamEvents {
  public static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");
  public static final int MAX_SQS_BATCH = 10_000;

  private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~:@!$&'()*+,;=-]+|\\{[A-Za-z0-9._-]+\\+?}");
  private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours|day|days)\\)");
  private static final Pattern CRON = Pattern.compile("cron\\((.*)\\)");

  private SamEvents() {}

  public static Optional<String> checkMethod(String method) {
    if (HTTP_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of("'" + method + "' is not an HTTP method; use one of " + String.join(", ",
        List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY")));
  }

  public static Optional<String> checkPath(String path) {
    if (!path.startsWith("/")) {
      return Optional.of("path '" + path + "' must start with '/', e.g. '/" + path + "'");
    }
    if (path.equals("/")) {
      return Optional.empty();
    }
    if (path.endsWith("/")) {
      return Optional.of("path '" + path + "' must not end with '/'; write '" + path.substring(0, path.length() - 1) + "'");
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.isEmpty()) {
        return Optional.of("path '" + path + "' has an empty segment ('//')");
      }
      if (!PATH_SEGMENT.matcher(s).matches()) {
        return Optional.of("path segment '" + s + "' of '" + path + "' is neither literal text nor a parameter like {id}");
      }
      if (s.endsWith("+}") && i != segments.length - 1) {
        return Optional.of("greedy parameter " + s + " must be the last segment of '" + path + "'");
      }
    }
    return Optional.empty();
  }

  /** Checks an EventBridge {@code rate(...)} or six-field {@code cron(...)} expression. */
  public static Optional<String> checkSchedule(String expression) {
    String e = expression.trim();
    if (e.startsWith("rate(")) {
      Matcher m = RATE.matcher(e);
      if (!m.matches()) {
        return Optional.of("'" + expression + "' is not a rate expression; write e.g. rate(5 minutes), rate(1 hour) or rate(7 days)");
      }
      long n = Long.parseLong(m.group(1));
      String unit = m.group(2);
      boolean plural = unit.endsWith("s");
      if (n == 0) {
        return Optional.of("'" + expression + "' must be at least 1 " + unit.replaceAll("s$", ""));
      }
      if (n == 1 && plural || n > 1 && !plural) {
        String fixed = n == 1 ? unit.substring(0, unit.length() - 1) : unit + "s";
        return Optional.of("'" + expression + "' must say rate(" + n + " " + fixed + ")");
      }
      return Optional.empty();
    }
    Matcher m = CRON.matcher(e);
    if (m.matches()) {
      return checkCron(expression, m.group(1).trim().split("\\s+"));
    }
    return Optional.of("'" + expression + "' is neither rate(...) nor cron(...); write e.g. rate(30 minutes) or cron(0 12 * * ? *)");
  }

  private static final String[] CRON_FIELDS = {"minutes", "hours", "day-of-month", "month", "day-of-week", "year"};
  private static final Pattern[] CRON_SYNTAX = {
      Pattern.compile("[0-9,*/-]+"),
      Pattern.compile("[0-9,*/-]+"),
      Pattern.compile("[0-9,*/?LW-]+"),
      Pattern.compile("[0-9A-Za-z,*/-]+"),
      Pattern.compile("[0-9A-Za-z,*/?L#-]+"),
      Pattern.compile("[0-9,*/-]+"),
  };
  private static final int[][] CRON_RANGE = {{0, 59}, {0, 23}, {1, 31}, {1, 12}, {1, 7}, {1970, 2199}};

  private static Optional<String> checkCron(String expression, String[] fields) {
    if (fields.length != 6) {
      return Optional.of("'" + expression + "' has " + fields.length
          + " fields; EventBridge cron takes 6 (minutes hours day-of-month month day-of-week year), e.g. cron(0 12 * * ? *)");
    }
    for (int i = 0; i < 6; i++) {
      if (!CRON_SYNTAX[i].matcher(fields[i]).matches()) {
        return Optional.of("'" + fields[i] + "' is not a valid " + CRON_FIELDS[i] + " field in '" + expression + "'");
      }
      for (String number : fields[i].split("[^0-9]+")) {
        if (!number.isEmpty() && !fields[i].contains("/" + number) && !fields[i].contains("#" + number)) {
          long v = Long.parseLong(number);
          if (v < CRON_RANGE[i][0] || v > CRON_RANGE[i][1]) {
            return Optional.of(CRON_FIELDS[i] + " " + v + " is out of range " + CRON_RANGE[i][0] + "–"
                + CRON_RANGE[i][1] + " in '" + expression + "'");
          }
        }
      }
    }
    boolean domAny = fields[2].equals("?");
    boolean dowAny = fields[4].equals("?");
    if (domAny == dowAny) {
      String dom = domAny ? "*" : fields[2];
      return Optional.of("'" + expression + "' must have '?' in exactly one of day-of-month and day-of-week, e.g. cron("
          + String.join(" ", fields[0], fields[1], dom, fields[3], "?", fields[5]) + ")");
    }
    return Optional.empty();
  }

  public static Optional<String> checkBatchSize(long size, long max) {
    if (size >= 1 && size <= max) {
      return Optional.empty();
    }
    return Optional.of("batch size " + size + " is out of range; it must be between 1 and " + max);
  }
}
