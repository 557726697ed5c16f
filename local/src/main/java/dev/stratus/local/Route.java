package dev.stratus.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One API route of the template: method and resource path, the function and API behind it, whether it needs a
 * key, what authorizes its callers; {@code payloadVersion} is null for a REST API, "2.0" or "1.0" for an HTTP API.
 */
record Route(String method, String resourcePath, String function, String api, boolean apiKeyRequired, String stage,
    String payloadVersion, Authorizer authorizer, Pattern pattern, List<String> parameters) {

  static Route of(String method, String resourcePath, String function, String api, boolean apiKeyRequired,
      String stage, String payloadVersion, Authorizer authorizer) {
    List<String> parameters = new ArrayList<>();
    StringBuilder regex = new StringBuilder();
    for (String segment : resourcePath.split("/", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      regex.append('/');
      if (segment.startsWith("{") && segment.endsWith("+}")) {
        parameters.add(segment.substring(1, segment.length() - 2));
        regex.append("(.+)");
      } else if (segment.startsWith("{")) {
        parameters.add(segment.substring(1, segment.length() - 1));
        regex.append("([^/]+)");
      } else {
        regex.append(Pattern.quote(segment));
      }
    }
    String pattern = regex.length() == 0 ? "/" : regex.toString();
    String m = method.toUpperCase(Locale.ROOT);
    return new Route(m.equals("X-AMAZON-APIGATEWAY-ANY-METHOD") ? "ANY" : m, resourcePath, function, api,
        apiKeyRequired, stage, payloadVersion, authorizer, Pattern.compile(pattern), parameters);
  }

  /**
   * A function URL's one route: every method and path, the root too, with no path parameters (payload 2.0).
   * {@code authorizer}: open, or IAM for Lambda.
   */
  static Route functionUrl(String function, String url, Authorizer authorizer) {
    return new Route("ANY", "/{proxy+}", function, url, false, "$default", "2.0", authorizer, Pattern.compile("/.*"),
        List.of());
  }

  /** The path parameters when {@code path} matches, else null. */
  Map<String, String> match(String path) {
    Matcher m = pattern.matcher(path);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < parameters.size(); i++) {
      values.put(parameters.get(i), m.group(i + 1));
    }
    return values;
  }

  /** API Gateway prefers literal segments to parameters, and parameters to greedy ones. */
  int specificity() {
    int score = 0;
    for (String segment : resourcePath.split("/")) {
      score = score * 3 + (segment.endsWith("+}") ? 0 : segment.startsWith("{") ? 1 : 2);
    }
    return score;
  }

  boolean isHttpApiV2() {
    return "2.0".equals(payloadVersion);
  }

  boolean matchesMethod(String requestMethod) {
    return method.equals("ANY") || method.equals(requestMethod);
  }
}
