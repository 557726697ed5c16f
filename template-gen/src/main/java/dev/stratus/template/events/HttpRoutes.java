package dev.stratus.template.events;

import dev.stratus.template.Fn;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** What REST and HTTP API routes share: methods, paths and the event name a route gets by default. */
public final class HttpRoutes {
  public static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "ANY");

  private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._~:@!$&'()*+,;=-]+|\\{[A-Za-z0-9._-]+\\+?}");

  private HttpRoutes() {}

  public static Optional<Message> checkMethod(String method) {
    if (METHODS.contains(method.toUpperCase(Locale.ROOT))) {
      return Optional.empty();
    }
    return Optional.of(Diagnostic.InvalidHttpMethod.with(method, String.join(", ", METHODS)));
  }

  public static Optional<Message> checkPath(String path) {
    if (!path.startsWith("/")) {
      return Optional.of(Diagnostic.PathWithoutLeadingSlash.with(path, path));
    }
    if (path.equals("/")) {
      return Optional.empty();
    }
    if (path.endsWith("/")) {
      return Optional.of(Diagnostic.PathWithTrailingSlash.with(path, path.substring(0, path.length() - 1)));
    }
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String s = segments[i];
      if (s.isEmpty()) {
        return Optional.of(Diagnostic.PathWithEmptySegment.with(path));
      }
      if (!PATH_SEGMENT.matcher(s).matches()) {
        return Optional.of(Diagnostic.InvalidPathSegment.with(s, path));
      }
      if (s.endsWith("+}") && i != segments.length - 1) {
        return Optional.of(Diagnostic.GreedyPathNotLast.with(s, path));
      }
    }
    return Optional.empty();
  }

  /** Lower case as SAM writes methods; an unknown one stays as written so that its error quotes the user. */
  private static String method(String method) {
    return checkMethod(method).isEmpty() ? method.toLowerCase(Locale.ROOT) : method;
  }

  /** A route's {@code Path}, {@code Method} and, when the annotation names one, the API under {@code apiProperty}. */
  static Mapping.Builder route(AnnotationInput in, String apiProperty) {
    Mapping.Builder p = Mapping.builder().put("Path", in.string("path")).put("Method", method(in.string("method")));
    if (!in.string("api").isEmpty()) {
      p.put(apiProperty, Fn.ref(in.string("api")));
    }
    return p;
  }

  /** A route's {@code Auth} as its annotation writes it: the authorizer named and the scopes, or empty. */
  static Mapping.Builder auth(AnnotationInput in) {
    return Mapping.builder().put("Authorizer", in.string("authorizer").isEmpty() ? null : in.string("authorizer"))
        .putNonEmpty("AuthorizationScopes", in.strings("scopes"));
  }

  /** The rules of a route's method and path, as written in its properties. */
  static List<Message> check(Mapping properties) {
    List<Message> out = new ArrayList<>();
    String method = SamEvent.text(properties, "Method");
    String path = SamEvent.text(properties, "Path");
    if (method != null) {
      checkMethod(method).ifPresent(out::add);
    }
    if (path != null) {
      checkPath(path).ifPresent(out::add);
    }
    return out;
  }

  /** {@code GET /files/{id}} is {@code GetFilesId}; {@code /} is {@code Root}. */
  static String eventName(String prefix, AnnotationInput in) {
    StringBuilder b = new StringBuilder(prefix);
    b.append(SamEvents.capitalize(in.string("method").toLowerCase(Locale.ROOT)));
    for (String segment : SamEvents.NOT_ALPHANUMERIC.split(in.string("path"))) {
      b.append(SamEvents.capitalize(segment));
    }
    return in.string("path").equals("/") ? b + "Root" : b.toString();
  }
}
