package dev.stratus.template.auth;

import dev.stratus.template.Fn;
import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.SamNames;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.events.HttpApiEvent;
import dev.stratus.template.events.RouteEvent;
import dev.stratus.template.events.SamEvent;
import dev.stratus.template.events.SamEvents;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The link step for authorizers: each declared one is defined on every API whose routes name it (in the API's
 * {@code Auth}, or in {@code Globals} for SAM's implicit APIs), a default authorizer is written onto each route
 * of its API that names none, and what SAM leaves out is added (an HTTP API's permission to invoke a Lambda
 * authorizer, {@code EnableIamAuthorizer}). Routes that name an authorizer defined by hand in the template are
 * left to SAM.
 */
public final class Authorizers {
  public static final String IAM = "AWS_IAM";
  public static final String NONE = "NONE";
  static final String DEFAULT_PREFIX = "Stratus::DefaultAuthorizer::";
  /** The key of a default for SAM's implicit APIs, which {@code @DefaultAuthorizer} names by an empty {@code api}. */
  static final String IMPLICIT = "Implicit";

  /** The linked template, its problems, and what guards each route, by {@code [function, event]}. */
  public record Linked(Template template, List<Problem> problems, Map<List<String>, Guard> guards) {}

  /**
   * What guards {@code route} ({@code GET /orders of ServerlessHttpApi}): an authorizer {@code name} of
   * {@code kind} ({@code JWT}, {@code COGNITO}, {@code LAMBDA}, or {@code AWS_IAM}), or null for nothing
   * Stratus declared (no authorizer, or one defined by hand).
   */
  public record Guard(String route, String kind, String name) {
    /** {@code JWT authorizer 'Users'}, {@code AWS_IAM}, {@code no authorizer}. */
    public String describe() {
      return kind == null ? "no authorizer" : kind.equals(IAM) ? IAM
          : AuthorizerDeclaration.Kind.valueOf(kind).title() + " authorizer '" + name + "'";
    }
  }

  private final Template template;
  private final Map<String, AuthorizerDeclaration> declared = new LinkedHashMap<>();
  private final Map<String, String> defaults = new LinkedHashMap<>();
  private final List<Problem> problems = new ArrayList<>();
  private final Map<List<String>, Guard> guards = new LinkedHashMap<>();
  /** By API, the declarations its routes use, in the order they are first used. */
  private final Map<String, Map<String, AuthorizerDeclaration>> used = new LinkedHashMap<>();
  private final Set<String> iamHttpApis = new LinkedHashSet<>();

  private Authorizers(Template template) {
    this.template = template;
  }

  /** Entries that declare {@code @DefaultAuthorizer(value, api)} in a fragment's {@code Metadata}. */
  public static Map.Entry<String, Value> defaultEntry(String authorizer, String api) {
    return Map.entry(DEFAULT_PREFIX + (api.isEmpty() ? IMPLICIT : api), Value.str(authorizer));
  }

  /** The functions that some API of {@code t} calls as a Lambda authorizer ({@code FunctionArn: !GetAtt F.Arn}). */
  public static Set<String> authorizerFunctions(Template t) {
    List<Value> auths = new ArrayList<>();
    t.resources().values().forEach(r -> auths.add(r.properties().get("Auth")));
    List.of("Api", "HttpApi").forEach(s -> auths.add(t.globals().get(s) instanceof Mapping g ? g.get("Auth") : null));
    Set<String> out = new LinkedHashSet<>();
    for (Value auth : auths) {
      if (auth instanceof Mapping a && a.get("Authorizers") instanceof Mapping authorizers) {
        authorizers.entries().values().forEach(v -> {
          if (v instanceof Mapping m && m.get("FunctionArn") instanceof Fn.GetAtt g) {
            out.add(g.resource());
          }
        });
      }
    }
    return out;
  }

  public static Linked link(Template t) {
    return new Authorizers(t).run();
  }

  private Linked run() {
    Mapping.Builder metadata = Mapping.builder();
    template.metadata().entries().forEach((key, value) -> {
      AuthorizerDeclaration d = AuthorizerDeclaration.fromMetadata(key, value);
      if (d != null) {
        declared.put(d.name(), d);
      } else if (key.startsWith(DEFAULT_PREFIX) && value instanceof Value.Str s) {
        defaults.put(key.substring(DEFAULT_PREFIX.length()), s.value());
      } else {
        metadata.put(key, value);
      }
    });
    Template.Builder out = template.toBuilder().metadata(metadata.build());
    defaults.forEach((api, name) -> {
      if (!declared.containsKey(name) && !name.equals(IAM)) {
        problems.add(Problem.of(List.of("Metadata", DEFAULT_PREFIX + api), Diagnostic.UnknownAuthorizer, name,
            suggestion(name), "@DefaultAuthorizer takes"));
      }
    });
    template.resources().forEach((id, r) -> {
      if (r.type().equals(Resource.SERVERLESS_FUNCTION) && r.properties().get("Events") instanceof Mapping events) {
        Mapping.Builder linked = Mapping.builder();
        events.entries().forEach((name, event) -> linked.put(name, route(id, name, event)));
        out.resource(id, r.withProperties(replace(r.properties(), "Events", linked.build())));
      }
    });
    Set<String> apis = new LinkedHashSet<>(used.keySet());
    apis.addAll(iamHttpApis);
    for (String api : apis) {
      define(api, out);
    }
    declared.forEach((name, d) -> {
      if (used.values().stream().noneMatch(u -> u.containsKey(name))) {
        problems.add(Problem.of(List.of("Metadata", d.metadataKey()), Diagnostic.UnusedAuthorizer, name));
      }
    });
    return new Linked(out.build(), problems, guards);
  }

  /** One event, with the authorizer it ends up with; every event but a route is as written. */
  private Value route(String function, String name, Value event) {
    if (!(SamEvents.read(event) instanceof RouteEvent route)) {
      return event;
    }
    boolean http = route instanceof HttpApiEvent;
    String api = route.api();
    Mapping auth = route.properties().get("Auth") instanceof Mapping a ? a : Mapping.EMPTY;
    List<String> at = List.of("Resources", function, "Properties", "Events", name, "Properties", "Auth", "Authorizer");
    String written = auth.get("Authorizer") instanceof Value.Str s ? s.value() : null;
    String defaultKey = written != null ? null : defaultKey(route);
    String effective = written != null ? written : defaultKey == null ? null : defaults.get(defaultKey);
    List<String> where = written != null ? at : List.of("Metadata", DEFAULT_PREFIX + defaultKey);
    String description = describe(route, api);
    AuthorizerDeclaration d = effective == null ? null : declared.get(effective);
    Value hand = effective == null || effective.equals(NONE) ? null : handDefinition(api, http, effective);
    Guard guard = new Guard(description, null, null);
    if (d != null) {
      if (!d.kind().guards(http)) {
        report(Problem.of(where, http ? Diagnostic.CognitoAuthorizerOnHttpApi : Diagnostic.JwtAuthorizerOnRestApi,
            d.name(), description));
      }
      used.computeIfAbsent(api, k -> new LinkedHashMap<>()).put(d.name(), d);
      guard = new Guard(description, d.kind().name(), d.name());
    } else if (IAM.equals(effective)) {
      guard = new Guard(description, IAM, IAM);
      if (http) {
        iamHttpApis.add(api);
      }
    } else if (hand != null) {
      guard = new Guard(description, handKind(hand), effective);
    } else if (effective != null && !effective.equals(NONE)) {
      report(Problem.of(where, Diagnostic.UnknownAuthorizer, effective, suggestion(effective),
          http ? "@HttpApiRoute(authorizer) takes" : "@ApiRoute(authorizer) takes"));
    }
    guards.put(List.of(function, name), guard);
    if (auth.get("AuthorizationScopes") != null && (d == null ? effective == null || effective.equals(NONE)
        || effective.equals(IAM) : !d.kind().takesScopes())) {
      problems.add(Problem.of(List.of("Resources", function, "Properties", "Events", name, "Properties", "Auth",
          "AuthorizationScopes"), Diagnostic.ScopesWithoutOAuthAuthorizer, description,
          effective == null || effective.equals(NONE) ? "nothing guards it"
              : d == null ? "AWS_IAM checks signatures, not scopes"
                  : "'" + d.name() + "' is a Lambda authorizer, which scopes are not sent to"));
    }
    if (written == null && effective == null) {
      return event;
    }
    Mapping.Builder a = Mapping.builder();
    // SAM takes NONE only where it applies a DefaultAuthorizer itself; Stratus writes its defaults on each route.
    if (!effective.equals(NONE) || hasSamDefault(api, http)) {
      a.put("Authorizer", effective);
    }
    auth.entries().forEach((k, v) -> {
      if (!k.equals("Authorizer")) {
        a.put(k, v);
      }
    });
    Mapping props = replace(route.properties(), "Auth", a.build().isEmpty() ? null : a.build());
    return Mapping.builder().put("Type", route.type()).put("Properties", props).build();
  }

  /** A default's mistake is found on each route it applies to, and said once. */
  private void report(Problem p) {
    if (!problems.contains(p)) {
      problems.add(p);
    }
  }

  private String defaultKey(RouteEvent route) {
    if (defaults.containsKey(route.api())) {
      return route.api();
    }
    boolean implicit = route.properties().get(route.apiProperty()) == null;
    return implicit && defaults.containsKey(IMPLICIT) ? IMPLICIT : null;
  }

  /**
   * The API's {@code Auth} as SAM sees it: the one in {@code Globals}, under the resource's own (SAM merges the
   * globals into every API, and into the implicit one alone).
   */
  private Mapping apiAuth(String api, boolean http) {
    Mapping global = template.globals().get(http ? "HttpApi" : "Api") instanceof Mapping g
        && g.get("Auth") instanceof Mapping a ? a : Mapping.EMPTY;
    Resource r = template.resources().get(api);
    Mapping own = r != null && r.properties().get("Auth") instanceof Mapping a ? a : Mapping.EMPTY;
    Mapping.Builder merged = Mapping.builder();
    global.entries().forEach(merged::put);
    own.entries().forEach((k, v) -> merged.put(k, v instanceof Mapping m && global.get(k) instanceof Mapping gm
        ? merge(gm, m) : v));
    return merged.build();
  }

  private static Mapping merge(Mapping under, Mapping over) {
    Mapping.Builder b = Mapping.builder();
    under.entries().forEach(b::put);
    over.entries().forEach(b::put);
    return b.build();
  }

  /** The kind of an authorizer defined by hand, as its SAM properties say, or null for one they do not tell. */
  private static String handKind(Value definition) {
    if (!(definition instanceof Mapping m)) {
      return null;
    }
    return m.get("JwtConfiguration") != null ? "JWT" : m.get("UserPoolArn") != null ? "COGNITO"
        : m.get("FunctionArn") != null ? "LAMBDA" : null;
  }

  /** The API's own definition of authorizer {@code name}, written by hand in the template; null when it has none. */
  private Value handDefinition(String api, boolean http, String name) {
    return apiAuth(api, http).get("Authorizers") instanceof Mapping m ? m.get(name) : null;
  }

  private boolean hasSamDefault(String api, boolean http) {
    return apiAuth(api, http).get("DefaultAuthorizer") != null;
  }

  /** Defines the authorizers {@code api}'s routes use on it, or on its implicit section of {@code Globals}. */
  private void define(String api, Template.Builder out) {
    boolean http = isHttpApi(api);
    Resource resource = template.resources().get(api);
    boolean implicit = resource == null;
    if (implicit && !api.equals(SamNames.IMPLICIT_REST_API) && !api.equals(SamNames.IMPLICIT_HTTP_API)) {
      return; // a route on an API the template lacks, which the route's own check reports
    }
    // What this step writes goes where the API's own Auth is: its resource, or Globals for an implicit API.
    Mapping auth = implicit ? apiAuth(api, http) : resource.properties().get("Auth") instanceof Mapping a ? a
        : Mapping.EMPTY;
    Mapping.Builder authorizers = Mapping.builder();
    if (auth.get("Authorizers") instanceof Mapping own) {
      own.entries().forEach(authorizers::put);
    }
    for (AuthorizerDeclaration d : used.getOrDefault(api, Map.of()).values()) {
      if (!d.kind().guards(http)) {
        continue;
      }
      if (handDefinition(api, http, d.name()) != null) {
        problems.add(Problem.of(List.of("Metadata", d.metadataKey()), Diagnostic.AuthorizerDefinedTwice, d.name(),
            implicit ? "Globals/" + (http ? "HttpApi" : "Api") : "Resources/" + api + "/Properties"));
        continue;
      }
      authorizers.put(d.name(), d.sam(http));
      if (http && d.kind() == AuthorizerDeclaration.Kind.LAMBDA) {
        // SAM adds this permission for a REST API's Lambda authorizers only.
        out.resource(api + d.name() + "AuthorizerPermission", Resource.of("AWS::Lambda::Permission", Mapping.builder()
            .put("Action", "lambda:InvokeFunction").put("FunctionName", Fn.getAtt(d.functionId(), "Arn"))
            .put("Principal", "apigateway.amazonaws.com")
            .put("SourceArn", Fn.sub("arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${" + api
                + "}/authorizers/*")).build()));
      }
    }
    Mapping.Builder newAuth = Mapping.builder();
    auth.entries().forEach(newAuth::put);
    newAuth.putNonEmpty("Authorizers", authorizers.build());
    if (iamHttpApis.contains(api)) {
      newAuth.put("EnableIamAuthorizer", Value.bool(true));
    }
    if (implicit) {
      if (!http) {
        giveOwnAuth(out);
      }
      String section = http ? "HttpApi" : "Api";
      Mapping globals = template.globals().get(section) instanceof Mapping g ? g : Mapping.EMPTY;
      Mapping current = out.build().globals();
      out.globals(replace(current, section, replace(globals, "Auth", newAuth.build())));
    } else {
      out.resource(api, resource.withProperties(replace(resource.properties(), "Auth", newAuth.build())));
    }
  }

  /**
   * SAM refuses a REST API without {@code Auth} of its own once {@code Globals/Api/Auth} is set ("Auth works only
   * with inline Swagger"), though it takes one with an empty {@code Auth}, into which it merges the globals.
   */
  private void giveOwnAuth(Template.Builder out) {
    out.build().resources().forEach((id, r) -> {
      if (r.type().equals("AWS::Serverless::Api") && r.properties().get("Auth") == null
          && r.properties().get("DefinitionBody") == null && r.properties().get("DefinitionUri") == null) {
        out.resource(id, r.withProperties(replace(r.properties(), "Auth", Mapping.EMPTY)));
      }
    });
  }

  private boolean isHttpApi(String api) {
    Resource r = template.resources().get(api);
    return r != null ? r.type().equals("AWS::Serverless::HttpApi") : api.equals(SamNames.IMPLICIT_HTTP_API);
  }

  private String suggestion(String name) {
    List<String> names = new ArrayList<>(declared.keySet());
    names.add(IAM);
    names.add(NONE);
    return Names.suggestion(name, names);
  }

  private static String describe(SamEvent route, String api) {
    String method = route.properties().get("Method") instanceof Value.Str m ? m.value().toUpperCase(java.util.Locale.ROOT)
        : "?";
    String path = route.properties().get("Path") instanceof Value.Str p ? p.value() : "?";
    return method + " " + path + " of " + api;
  }

  /** {@code m} with {@code key} set to {@code value} in place (or appended), or removed when it is null. */
  static Mapping replace(Mapping m, String key, Value value) {
    Mapping.Builder b = Mapping.builder();
    boolean seen = false;
    for (Map.Entry<String, Value> e : m.entries().entrySet()) {
      if (e.getKey().equals(key)) {
        b.put(key, value);
        seen = true;
      } else {
        b.put(e.getKey(), e.getValue());
      }
    }
    if (!seen) {
      b.put(key, value);
    }
    return b.build();
  }
}
