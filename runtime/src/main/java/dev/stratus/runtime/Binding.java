package dev.stratus.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds one request's values to a typed method's parameters, collecting every failure rather than stopping
 * at the first: {@link #check} then answers one 400 that names each parameter and what was wrong with it.
 * A typed method's {@link Arg}s call it; each method returns null for a value that failed.
 */
public final class Binding {
  /** One failed parameter: where it comes from ({@code path}, {@code query}, {@code header}, {@code body}), its name, why. */
  public record Failure(String in, String name, String problem) {}

  private final ApiRequest request;
  private final List<Failure> failures = new ArrayList<>();
  private final List<String> missingCredentials = new ArrayList<>();

  public Binding(ApiRequest request) {
    this.request = request;
  }

  public <T> T path(String name, Convert<T> convert) {
    return required("path", name, request.pathParameter(name), convert);
  }

  /** A query parameter; with {@code fallback} (the text of a default) it may be absent, without it is required. */
  public <T> T query(String name, Convert<T> convert, String fallback) {
    return single("query", name, request.queryValues(name), convert, fallback);
  }

  public <T> Optional<T> optionalQuery(String name, Convert<T> convert) {
    return Optional.ofNullable(query(name, convert, ""));
  }

  /** Every value of a repeated query parameter; none is an empty list. */
  public <T> List<T> queryList(String name, Convert<T> convert) {
    return all("query", name, request.queryValues(name), convert);
  }

  public <T> T header(String name, Convert<T> convert, String fallback) {
    return single("header", name, request.headerValues(name), convert, fallback);
  }

  public <T> Optional<T> optionalHeader(String name, Convert<T> convert) {
    return Optional.ofNullable(header(name, convert, ""));
  }

  public <T> List<T> headerList(String name, Convert<T> convert) {
    List<String> values = new ArrayList<>();
    for (String v : request.headerValues(name)) {
      for (String part : v.split(",")) {
        values.add(part.strip());
      }
    }
    return all("header", name, values, convert);
  }

  /** The body as JSON read by {@code codec}; a required body must be there and not {@code null}. */
  public <T> T body(Codec<T> codec, boolean required) {
    String text = request.bodyText();
    if (text == null || text.isBlank()) {
      if (required) {
        failures.add(new Failure("body", "body", "is required; send JSON"));
      }
      return null;
    }
    try {
      T value = JsonReader.read(text, codec);
      if (value == null && required) {
        failures.add(new Failure("body", "body", "must not be null"));
      }
      return value;
    } catch (JsonException e) {
      failures.add(new Failure("body", "body", "is not valid: " + e.getMessage()));
      return null;
    }
  }

  public String bodyText(boolean required) {
    String text = request.bodyText();
    if (text == null && required) {
      failures.add(new Failure("body", "body", "is required"));
    }
    return text;
  }

  public byte[] bodyBytes(boolean required) {
    byte[] bytes = request.bodyBytes();
    if (bytes == null && required) {
      failures.add(new Failure("body", "body", "is required"));
    }
    return bytes;
  }

  /** A claim of the caller's verified token; required: a token without it is refused with a 401. */
  public <T> T claim(String name, Convert<T> convert) {
    String text = request.claimText(name);
    return text == null ? unauthorized("claim", name) : convert("claim", name, text, convert);
  }

  public <T> Optional<T> optionalClaim(String name, Convert<T> convert) {
    String text = request.claimText(name);
    return text == null ? Optional.empty() : Optional.ofNullable(convert("claim", name, text, convert));
  }

  /** Every value of a claim ({@code cognito:groups}); none is an empty list. */
  public <T> List<T> claimList(String name, Convert<T> convert) {
    return all("claim", name, request.claimValues(name), convert);
  }

  /** A value of the Lambda authorizer's context; required: without it the request is refused with a 401. */
  public <T> T authContext(String name, Convert<T> convert) {
    String value = request.authContextValue(name);
    return value == null ? unauthorized("authorizer context value", name) : convert("authorizer context", name, value,
        convert);
  }

  public <T> Optional<T> optionalAuthContext(String name, Convert<T> convert) {
    String value = request.authContextValue(name);
    return value == null ? Optional.empty() : Optional.ofNullable(convert("authorizer context", name, value, convert));
  }

  private <T> T unauthorized(String in, String name) {
    missingCredentials.add(in + " '" + name + "'");
    return null;
  }

  /**
   * Throws the 401 for what the caller's credentials lack, else the 400 for what failed, if anything did: a
   * route that needs a claim the token lacks refuses the caller before it looks at the request.
   */
  public void check() {
    if (!missingCredentials.isEmpty()) {
      throw new HttpException(401, "the caller's credentials have no " + String.join(", no ", missingCredentials));
    }
    if (!failures.isEmpty()) {
      throw new BindingException(failures);
    }
  }

  private <T> T required(String in, String name, String text, Convert<T> convert) {
    if (text == null) {
      failures.add(new Failure(in, name, "is required"));
      return null;
    }
    return convert(in, name, text, convert);
  }

  /** {@code fallback} "" means optional with no default: absent is null. */
  private <T> T single(String in, String name, List<String> values, Convert<T> convert, String fallback) {
    if (values.isEmpty()) {
      if (fallback == null) {
        failures.add(new Failure(in, name, "is required"));
        return null;
      }
      return fallback.isEmpty() ? null : convert.parse(fallback);
    }
    if (values.size() > 1) {
      failures.add(new Failure(in, name, "is given " + values.size() + " times; send it once"));
      return null;
    }
    return convert(in, name, values.get(0), convert);
  }

  private <T> List<T> all(String in, String name, List<String> values, Convert<T> convert) {
    List<T> out = new ArrayList<>();
    for (String v : values) {
      out.add(convert(in, name, v, convert));
    }
    return out;
  }

  private <T> T convert(String in, String name, String text, Convert<T> convert) {
    try {
      return convert.parse(text);
    } catch (IllegalArgumentException e) {
      failures.add(new Failure(in, name, e.getMessage() + "; got '" + Convert.excerpt(text) + "'"));
      return null;
    }
  }
}
