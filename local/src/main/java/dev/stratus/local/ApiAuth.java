package dev.stratus.local;

import dev.stratus.template.Resource;
import dev.stratus.template.SamNames;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.events.HttpApiEvent;
import dev.stratus.template.events.RouteEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorizers of a template in SAM's words: an API's {@code Auth} ({@code Authorizers}, {@code DefaultAuthorizer})
 * merged over the one in {@code Globals.Api} or {@code Globals.HttpApi}, as SAM merges Globals into every API, its
 * implicit ones too; and a route's {@code Auth.Authorizer} ({@code NONE}, {@code AWS_IAM} or a name) with its
 * {@code AuthorizationScopes}.
 */
final class ApiAuth {
  private static final String HEADER_SOURCE = "$request.header.";

  private ApiAuth() {}

  /** What guards route {@code e}: its own authorizer, else its API's default, else nothing. */
  static Authorizer of(LocalStack stack, RouteEvent e) {
    boolean http = e instanceof HttpApiEvent;
    Mapping api = auth(stack, e.api(), http);
    Mapping route = e.properties().get("Auth") instanceof Mapping m ? m : Mapping.EMPTY;
    Value named = route.get("Authorizer") != null ? route.get("Authorizer") : api.get("DefaultAuthorizer");
    String name = named == null ? "NONE" : text(stack, named);
    if (name.equals("NONE")) {
      return Authorizer.OPEN;
    }
    if (name.equals("AWS_IAM")) {
      return new Authorizer.Iam("execute-api");
    }
    if (!(authorizers(api).get(name) instanceof Mapping definition)) {
      throw new LocalException(e.api() + " has no authorizer " + name + " (its Auth.Authorizers has: "
          + String.join(", ", authorizers(api).keySet()) + ")");
    }
    // Without scopes of its own, a route takes its authorizer's, as SAM writes them.
    Value scopes = route.get("AuthorizationScopes") != null ? route.get("AuthorizationScopes")
        : definition.get("AuthorizationScopes");
    Authorizer.Bearer bearer = bearer(stack, e.api(), name, definition, strings(stack, scopes));
    if (bearer != null) {
      return bearer;
    }
    if (definition.get("FunctionArn") == null) {
      throw new LocalException(e.api() + "'s authorizer " + name
          + " has no JwtConfiguration, UserPoolArn or FunctionArn");
    }
    return lambda(stack, e.api(), name, definition, http);
  }

  /** The JWT and Cognito authorizers of every API: what {@code token} mints for. */
  static List<Authorizer.Bearer> bearers(LocalStack stack) {
    List<Authorizer.Bearer> out = new ArrayList<>();
    for (boolean http : new boolean[] {false, true}) {
      List<String> apis = new ArrayList<>(stack.ofType(http ? "AWS::Serverless::HttpApi" : "AWS::Serverless::Api")
          .keySet());
      apis.add(http ? SamNames.IMPLICIT_HTTP_API : SamNames.IMPLICIT_REST_API);
      for (String api : apis) {
        authorizers(auth(stack, api, http)).forEach((name, definition) -> {
          Authorizer.Bearer b = definition instanceof Mapping m ? bearer(stack, api, name, m, List.of()) : null;
          if (b != null) {
            out.add(b);
          }
        });
      }
    }
    return out;
  }

  /** API {@code api}'s {@code Auth} with Globals' merged under it. */
  private static Mapping auth(LocalStack stack, String api, boolean http) {
    Mapping global = stack.template.globals().get(http ? "HttpApi" : "Api") instanceof Mapping g
        && g.get("Auth") instanceof Mapping a ? a : Mapping.EMPTY;
    Resource resource = stack.resources.get(api);
    Mapping own = resource != null && resource.properties().get("Auth") instanceof Mapping a ? a : Mapping.EMPTY;
    return merged(global, own);
  }

  /** SAM's merge of Globals: mappings key by key, all the way down; anything else, the resource's value wins. */
  private static Mapping merged(Mapping global, Mapping own) {
    Map<String, Value> out = new LinkedHashMap<>(global.entries());
    own.entries().forEach((k, v) -> out.merge(k, v, (g, o) -> g instanceof Mapping gm && o instanceof Mapping om
        ? merged(gm, om) : o));
    return new Mapping(out);
  }

  private static Map<String, Value> authorizers(Mapping auth) {
    return auth.get("Authorizers") instanceof Mapping m ? m.entries() : Map.of();
  }

  /** A JWT (HTTP API) or Cognito user pool (REST API) authorizer; null for a definition of another kind. */
  private static Authorizer.Bearer bearer(LocalStack stack, String api, String name, Mapping definition,
      List<String> scopes) {
    if (definition.get("JwtConfiguration") instanceof Mapping jwt) {
      String source = definition.get("IdentitySource") == null ? "" : text(stack, definition.get("IdentitySource"));
      return new Authorizer.Bearer(api, name, declared(stack, jwt.get("issuer"), name),
          String.valueOf(jwt.get("issuer")), strings(stack, jwt.get("audience")),
          source.startsWith(HEADER_SOURCE) ? source.substring(HEADER_SOURCE.length()) : "Authorization", false, scopes);
    }
    if (definition.get("UserPoolArn") != null) {
      // SAM names no app clients for a Cognito authorizer: API Gateway takes any client of the pool.
      return new Authorizer.Bearer(api, name, declared(stack, definition.get("UserPoolArn"), name),
          String.valueOf(definition.get("UserPoolArn")), List.of(), identityHeader(stack, definition), true, scopes);
    }
    return null;
  }

  /**
   * A Lambda authorizer whose function is one of the template's. A REST API's caches answers for 300 s unless it
   * says otherwise, an HTTP API's (AuthorizerResultTtlInSeconds unset) not at all.
   */
  private static Authorizer.Lambda lambda(LocalStack stack, String api, String name, Mapping definition,
      boolean http) {
    String arn = text(stack, definition.get("FunctionArn"));
    String function = stack.ofType(Resource.SERVERLESS_FUNCTION).keySet().stream()
        .filter(id -> arn.equals(String.valueOf(stack.getAtt(id, "Arn")))).findFirst()
        .orElseThrow(() -> new LocalException(api + "'s authorizer " + name + ": its FunctionArn " + arn
            + " is no function of this template; the local runtime runs only the template's functions"));
    Mapping identity = definition.get("Identity") instanceof Mapping m ? m : Mapping.EMPTY;
    Authorizer.Payload payload;
    if (http) {
      Value version = definition.get("AuthorizerPayloadFormatVersion");
      payload = version != null && text(stack, version).equals("1.0") ? Authorizer.Payload.V1 : Authorizer.Payload.V2;
    } else {
      Value type = definition.get("FunctionPayloadType");
      payload = type != null && text(stack, type).equals("REQUEST") ? Authorizer.Payload.REQUEST
          : Authorizer.Payload.TOKEN;
    }
    boolean token = payload == Authorizer.Payload.TOKEN;
    Value simple = definition.get("EnableSimpleResponses");
    Value validation = identity.get("ValidationExpression");
    Value ttl = identity.get("ReauthorizeEvery");
    return new Authorizer.Lambda(name, function, payload, simple != null && text(stack, simple).equals("true"),
        token ? List.of(identityHeader(stack, definition)) : strings(stack, identity.get("Headers")),
        token ? List.of() : strings(stack, identity.get("QueryStrings")),
        token && validation != null ? text(stack, validation) : null,
        ttl != null ? Integer.parseInt(text(stack, ttl)) : http ? 0 : 300);
  }

  private static String identityHeader(LocalStack stack, Mapping definition) {
    Value header = definition.get("Identity") instanceof Mapping identity ? identity.get("Header") : null;
    return header == null ? "Authorization" : text(stack, header);
  }

  /** The issuer or pool the template names, or the authorizer's name where it does not evaluate here. */
  private static String declared(LocalStack stack, Value v, String name) {
    try {
      return v == null ? name : text(stack, v);
    } catch (LocalException e) {
      return name;
    }
  }

  private static List<String> strings(LocalStack stack, Value v) {
    Object o = v == null ? null : stack.evaluate(v);
    return o instanceof List<?> l ? l.stream().map(String::valueOf).toList() : o == null ? List.of()
        : List.of(String.valueOf(o));
  }

  private static String text(LocalStack stack, Value v) {
    return String.valueOf(stack.evaluate(v));
  }
}
