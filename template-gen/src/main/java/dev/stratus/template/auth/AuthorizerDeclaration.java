package dev.stratus.template.auth;

import dev.stratus.template.Fn;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import java.util.List;
import java.util.Locale;

/**
 * An authorizer an annotation declares, apart from any API: fragments carry it in {@code Metadata} under
 * {@code Stratus::Authorizer::<name>} until the link step defines it, in SAM's words, on each API whose routes
 * name it. Which API a route is on decides the shape (a REST or an HTTP API authorizer), so one Lambda
 * authorizer serves both.
 */
public record AuthorizerDeclaration(String name, Kind kind, Mapping settings) {
  /** What verifies the caller. */
  public enum Kind {
    /** An HTTP API JWT authorizer: {@code Issuer}, {@code Audience}, {@code IdentitySource}. */
    JWT,
    /** A REST API Cognito user pool authorizer: {@code UserPoolArn}, {@code Header}. */
    COGNITO,
    /** A function: {@code FunctionId}, {@code Headers}, {@code QueryStrings}, {@code ReauthorizeEvery}. */
    LAMBDA;

    /** Whether routes of an HTTP API (else a REST API) can name it. */
    public boolean guards(boolean httpApi) {
      return this == LAMBDA || (this == JWT) == httpApi;
    }

    /** Whether it checks OAuth scopes. */
    public boolean takesScopes() {
      return this != LAMBDA;
    }

    public String title() {
      return this == LAMBDA ? "Lambda" : this == JWT ? "JWT" : "Cognito";
    }
  }

  static final String PREFIX = "Stratus::Authorizer::";

  public static AuthorizerDeclaration jwt(String name, Value issuer, List<String> audience, String identitySource) {
    return new AuthorizerDeclaration(name, Kind.JWT, Mapping.builder().put("Issuer", issuer)
        .put("Audience", Value.seqOf(audience)).put("IdentitySource", identitySource).build());
  }

  public static AuthorizerDeclaration cognito(String name, Value userPoolArn, String header) {
    return new AuthorizerDeclaration(name, Kind.COGNITO, Mapping.builder().put("UserPoolArn", userPoolArn)
        .put("Header", header).build());
  }

  public static AuthorizerDeclaration lambda(String name, String functionId, List<String> headers,
      List<String> queryStrings, int ttl) {
    return new AuthorizerDeclaration(name, Kind.LAMBDA, Mapping.builder().put("FunctionId", functionId)
        .putNonEmpty("Headers", headers).putNonEmpty("QueryStrings", queryStrings)
        .put("ReauthorizeEvery", Value.num(ttl)).build());
  }

  /** The metadata entry a fragment carries it in. */
  public String metadataKey() {
    return PREFIX + name;
  }

  public Mapping toMetadata() {
    Mapping.Builder b = Mapping.builder().put("Type", kind.name());
    settings.entries().forEach(b::put);
    return b.build();
  }

  /** The declaration a fragment's metadata entry carries; null for an entry that is not one. */
  static AuthorizerDeclaration fromMetadata(String key, Value entry) {
    if (!key.startsWith(PREFIX) || !(entry instanceof Mapping m) || !(m.get("Type") instanceof Value.Str type)) {
      return null;
    }
    Mapping.Builder settings = Mapping.builder();
    m.entries().forEach((k, v) -> {
      if (!k.equals("Type")) {
        settings.put(k, v);
      }
    });
    return new AuthorizerDeclaration(key.substring(PREFIX.length()),
        Kind.valueOf(type.value().toUpperCase(Locale.ROOT)), settings.build());
  }

  /** The function of a Lambda authorizer. */
  public String functionId() {
    return settings.get("FunctionId") instanceof Value.Str s ? s.value() : null;
  }

  /** The entry of {@code Auth/Authorizers} on an HTTP API or a REST API. */
  Mapping sam(boolean httpApi) {
    return switch (kind) {
      case JWT -> Mapping.builder()
          .put("JwtConfiguration", Mapping.builder().put("issuer", settings.get("Issuer"))
              .put("audience", settings.get("Audience")).build())
          .put("IdentitySource", settings.get("IdentitySource")).build();
      case COGNITO -> Mapping.builder().put("UserPoolArn", settings.get("UserPoolArn"))
          .put("Identity", Mapping.builder().put("Header", settings.get("Header")).build()).build();
      case LAMBDA -> lambda(httpApi);
    };
  }

  /**
   * An HTTP API calls it with payload 2.0 and takes simple responses; a REST API sends a TOKEN event when one
   * header identifies the caller, else a REQUEST event.
   */
  private Mapping lambda(boolean httpApi) {
    List<Value> headers = settings.get("Headers") instanceof Value.Seq s ? s.items() : List.of();
    Value queries = settings.get("QueryStrings");
    Mapping.Builder b = Mapping.builder().put("FunctionArn", new Fn.GetAtt(functionId(), "Arn"));
    Mapping.Builder identity = Mapping.builder();
    if (httpApi) {
      b.put("AuthorizerPayloadFormatVersion", "2.0").put("EnableSimpleResponses", Value.bool(true));
      identity.put("Headers", settings.get("Headers")).put("QueryStrings", queries);
    } else if (headers.size() == 1 && queries == null) {
      b.put("FunctionPayloadType", "TOKEN");
      identity.put("Header", headers.get(0));
    } else {
      b.put("FunctionPayloadType", "REQUEST");
      identity.put("Headers", settings.get("Headers")).put("QueryStrings", queries);
    }
    identity.put("ReauthorizeEvery", settings.get("ReauthorizeEvery"));
    return b.put("Identity", identity.build()).build();
  }
}
