package dev.stratus.template;

import dev.stratus.template.Value.Mapping;
import java.util.List;
import java.util.Map;

/**
 * A function's {@code FunctionUrlConfig}: an HTTPS endpoint of its own, who may call it, and its CORS. SAM makes
 * of it an {@code AWS::Lambda::Url} named {@link #resourceId}, whose {@code FunctionUrl} is the address.
 *
 * @param cors null for none
 */
public record FunctionUrlConfig(String authType, Cors cors) {
  public static final List<String> AUTH_TYPES = List.of("NONE", "AWS_IAM");

  /** CORS as a function URL answers it; a max age of 0 is left out. */
  public record Cors(List<String> allowOrigins, List<String> allowMethods, List<String> allowHeaders,
      List<String> exposeHeaders, boolean allowCredentials, int maxAge) {}

  /** The logical id SAM gives the URL of {@code functionId}: {@code WebhookFunctionUrl}. */
  public static String resourceId(String functionId) {
    return functionId + "Url";
  }

  public Mapping toMapping() {
    Mapping.Builder b = Mapping.builder().put("AuthType", authType);
    if (cors != null) {
      Mapping.Builder c = Mapping.builder();
      list(c, "AllowOrigins", cors.allowOrigins());
      list(c, "AllowMethods", cors.allowMethods());
      list(c, "AllowHeaders", cors.allowHeaders());
      list(c, "ExposeHeaders", cors.exposeHeaders());
      if (cors.allowCredentials()) {
        c.put("AllowCredentials", Value.bool(true));
      }
      if (cors.maxAge() > 0) {
        c.put("MaxAge", Value.num(cors.maxAge()));
      }
      b.put("Cors", c.build());
    }
    return b.build();
  }

  private static void list(Mapping.Builder b, String name, List<String> values) {
    if (!values.isEmpty()) {
      b.put(name, Value.seqOf(values));
    }
  }

  /** A template's config, its intrinsics already resolved ({@code evaluated}); AuthType NONE when it says none. */
  public static FunctionUrlConfig of(Map<?, ?> evaluated) {
    Object auth = evaluated.get("AuthType");
    Cors cors = null;
    if (evaluated.get("Cors") instanceof Map<?, ?> c) {
      Object maxAge = c.get("MaxAge");
      cors = new Cors(strings(c.get("AllowOrigins")), strings(c.get("AllowMethods")), strings(c.get("AllowHeaders")),
          strings(c.get("ExposeHeaders")), Boolean.parseBoolean(String.valueOf(c.get("AllowCredentials"))),
          maxAge == null ? 0 : Integer.parseInt(String.valueOf(maxAge)));
    }
    return new FunctionUrlConfig(auth == null ? "NONE" : auth.toString(), cors);
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
  }
}
