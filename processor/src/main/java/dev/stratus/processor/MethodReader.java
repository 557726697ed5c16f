package dev.stratus.processor;

import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.AuthContext;
import dev.stratus.annotations.Authorizer;
import dev.stratus.annotations.Body;
import dev.stratus.annotations.Claim;
import dev.stratus.annotations.FunctionUrl;
import dev.stratus.annotations.Header;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.annotations.Path;
import dev.stratus.annotations.Query;
import dev.stratus.processor.glue.JsonType;
import dev.stratus.processor.glue.Param;
import dev.stratus.processor.glue.Result;
import dev.stratus.processor.glue.TypedMethod;
import dev.stratus.runtime.Convert;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.events.EventKind;
import dev.stratus.template.events.Typed;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a typed handler method (one with {@code @CfFunction}) into the {@link TypedMethod} the glue writer
 * takes, reporting on the method or the parameter every reason the glue could not be written.
 */
final class MethodReader {
  private static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
  private static final String RESPONSE = "dev.stratus.runtime.Response";
  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}+]+)\\+?}");
  private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "DELETE", "OPTIONS");
  /** The event annotations a typed method can take, as a message lists them. */
  static final String TYPED_EVENTS = String.join(", ", EventAnnotations.ALL.stream()
      .filter(b -> b.kind().typed() != null).map(b -> "@" + b.annotation().getSimpleName()).toList());
  private static final String AUTH_REQUEST = "dev.stratus.runtime.AuthRequest";
  private static final String AUTH_RESULT = "dev.stratus.runtime.AuthResult";
  private static final List<Class<? extends Annotation>> BINDINGS = List.of(Path.class, Query.class, Header.class,
      Body.class, Claim.class, AuthContext.class);

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;

  MethodReader(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
  }

  /** The class generated for {@code owner}'s typed methods, within its package: {@code Products_Lambda}. */
  static String glueClass(TypeElement owner) {
    return ownerName(owner).replace('.', '_') + "_Lambda";
  }

  /** Lambda's handler of {@code method}: {@code com.example.Products_Lambda::get}. */
  static String handler(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String pkg = packageName(owner);
    return (pkg.isEmpty() ? "" : pkg + ".") + glueClass(owner) + "::" + method.getSimpleName();
  }

  static String capitalized(ExecutableElement method) {
    String n = method.getSimpleName().toString();
    return n.substring(0, 1).toUpperCase(Locale.ROOT) + n.substring(1);
  }

  /** The method as the glue needs it, or null when a mistake was reported. */
  TypedMethod read(ExecutableElement method, Origin fn, boolean snapStart) {
    int errors = reporter.errorCount();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String name = owner.getSimpleName() + "." + method.getSimpleName();
    checkShape(method, owner, name, fn);
    List<AnnotationView> authorizer = AnnotationView.all(method, Authorizer.class, elements);
    if (!authorizer.isEmpty()) {
      return authorizer(method, owner, name, authorizer.get(0), snapStart, errors);
    }

    // By what the method is handed: the routes of both kinds of API are one.
    Map<Typed, List<AnnotationView>> events = new LinkedHashMap<>();
    EventKind<?> kind = null;
    for (EventAnnotations.Binding event : EventAnnotations.ALL) {
      for (AnnotationView v : AnnotationView.all(method, event.annotation(), elements)) {
        if (event.kind().typed() == null) {
          reporter.report(v.origin(), Diagnostic.TypedMethodEvent, v.simpleName(), name, "a typed method cannot take"
              + " it; it takes " + TYPED_EVENTS + ": put @" + v.simpleName() + " on a handler class");
          return null;
        }
        events.computeIfAbsent(event.kind().typed(), k -> new ArrayList<>()).add(v);
        kind = kind == null ? event.kind() : kind;
      }
    }
    List<AnnotationView> url = AnnotationView.all(method, FunctionUrl.class, elements);
    if (!url.isEmpty() && !events.isEmpty()) {
      AnnotationView other = events.values().iterator().next().get(0);
      reporter.report(other.origin(), Diagnostic.TypedMethodEvent, other.simpleName(), name, "a typed method with"
          + " @FunctionUrl is called at its URL, with every path and method; put @" + other.simpleName()
          + " on a method of its own");
      return null;
    }
    if (!url.isEmpty()) {
      events.put(Typed.ROUTE, List.of());
    }
    if (events.isEmpty()) {
      reporter.report(fn, Diagnostic.TypedMethodWithoutEvent, name, TYPED_EVENTS);
      return null;
    }
    Typed typed = events.keySet().iterator().next();
    if (events.size() > 1) {
      AnnotationView other = new ArrayList<>(events.values()).get(1).get(0);
      reporter.report(other.origin(), Diagnostic.TypedMethodEvent, other.simpleName(), name, "a typed method takes"
          + " one kind of event, and this one has @" + events.get(typed).get(0).simpleName() + " already; put @"
          + other.simpleName() + " on a method of its own");
      return null;
    }
    List<TypedMethod.Route> routes = new ArrayList<>();
    List<Param> params = new ArrayList<>();
    TypeReader typeReader = new TypeReader(elements, packageOf(owner), reporter);
    Result result;
    if (typed.shape() == Typed.Shape.ROUTE) {
      for (AnnotationView v : events.get(typed)) {
        routes.add(new TypedMethod.Route(v.string("method").toUpperCase(Locale.ROOT), v.string("path"), v.string("api"),
            v.simpleName().equals("HttpApiRoute")));
      }
      if (!url.isEmpty()) {
        routes.add(TypedMethod.Route.FUNCTION_URL);
      }
      Map<String, String> bound = new LinkedHashMap<>();
      boolean allBound = true;
      for (VariableElement p : method.getParameters()) {
        Param param = param(p, name, typeReader, bound);
        if (param != null) {
          params.add(param);
        }
        allBound &= param != null;
      }
      if (allBound) { // else a path variable may seem unbound only because its parameter was refused
        checkPaths(method, params, routes);
      }
      result = result(method, name, typeReader);
    } else {
      AnnotationView event = events.get(typed).get(0);
      for (VariableElement p : method.getParameters()) {
        Param param = eventParam(p, name, event, kind, typeReader, params);
        if (param != null) {
          params.add(param);
        }
      }
      result = eventResult(method, name, typed, typeReader);
    }
    if (reporter.errorCount() > errors) {
      return null;
    }
    return new TypedMethod(packageOf(owner), ownerName(owner), glueClass(owner), method.getSimpleName().toString(),
        method.getModifiers().contains(Modifier.STATIC), typed, params, result, routes, snapStart, null);
  }

  /**
   * An {@code @Authorizer} method: it takes the caller's token (a {@code String}) or the whole {@code AuthRequest},
   * and maybe a {@code Context}, and returns an {@code AuthResult}; it takes no event of its own.
   */
  private TypedMethod authorizer(ExecutableElement method, TypeElement owner, String name, AnnotationView at,
      boolean snapStart, int errors) {
    for (EventAnnotations.Binding event : EventAnnotations.ALL) {
      for (AnnotationView v : AnnotationView.all(method, event.annotation(), elements)) {
        reporter.report(v.origin(), Diagnostic.AuthorizerMethod, name, "takes no event: API Gateway calls it before"
            + " the routes that name it; put @" + v.simpleName() + " on a method of its own");
      }
    }
    for (AnnotationView v : AnnotationView.all(method, FunctionUrl.class, elements)) {
      reporter.report(v.origin(), Diagnostic.AuthorizerMethod, name, "has no URL: API Gateway calls it; remove"
          + " @FunctionUrl");
    }
    List<Param> params = new ArrayList<>();
    Param asked = null;
    for (VariableElement p : method.getParameters()) {
      String q = TypeReader.qualified(p.asType());
      Param.Source source = q.equals(CONTEXT) ? Param.Source.CONTEXT : q.equals("java.lang.String")
          ? Param.Source.TOKEN : q.equals(AUTH_REQUEST) ? Param.Source.AUTH_REQUEST : null;
      if (source == null || source != Param.Source.CONTEXT && asked != null) {
        reporter.report(AnnotationView.place(p), Diagnostic.AuthorizerMethod, name, "cannot take parameter '"
            + p.getSimpleName() + "' (" + p.asType() + (asked == null ? ")" : ") beside '" + asked.name() + "'")
            + ": it takes the caller's token as a String, or the whole AuthRequest, and may take a Context");
        continue;
      }
      // A String is the first identity header's value: what API Gateway caches the answer for.
      String header = source == Param.Source.TOKEN && !at.strings("headers").isEmpty() ? at.strings("headers").get(0)
          : null;
      Param param = new Param(source, p.getSimpleName().toString(), header, Param.Shape.ONE, null, null);
      asked = source == Param.Source.CONTEXT ? asked : param;
      params.add(param);
    }
    if (!TypeReader.qualified(method.getReturnType()).equals(AUTH_RESULT)) {
      reporter.report(at.origin(), Diagnostic.AuthorizerMethod, name, "returns " + method.getReturnType()
          + "; return an AuthResult: AuthResult.allow(principal), deny() or unauthorized()");
    }
    if (reporter.errorCount() > errors) {
      return null;
    }
    return new TypedMethod(packageOf(owner), ownerName(owner), glueClass(owner), method.getSimpleName().toString(),
        method.getModifiers().contains(Modifier.STATIC), Typed.AUTHORIZER, params,
        new Result(Result.Kind.VALUE, null), List.of(), snapStart, null);
  }

  /**
   * What an event method returns: ignored for each record (Lambda keeps no result of them), the invocation's
   * JSON result for a whole input (what {@code invoke} shows).
   */
  private Result eventResult(ExecutableElement method, String name, Typed typed, TypeReader typeReader) {
    TypeMirror t = method.getReturnType();
    if (t.getKind() == TypeKind.VOID) {
      return new Result(Result.Kind.VOID, null);
    }
    if (typed.shape() != Typed.Shape.WHOLE_INPUT) {
      return new Result(Result.Kind.VALUE, null);
    }
    try {
      return new Result(Result.Kind.VALUE, typeReader.json(t));
    } catch (TypeReader.Unsupported e) {
      reporter.report(AnnotationView.place(method), Diagnostic.UnsupportedReturnType, name, e.getMessage(),
          TypeReader.JSON_TYPES);
      return null;
    }
  }

  /** A parameter of an event method: Context, or what each record or the input is, as its kind hands it. */
  private Param eventParam(VariableElement p, String method, AnnotationView event, EventKind<?> kind,
      TypeReader typeReader, List<Param> earlier) {
    String name = p.getSimpleName().toString();
    TypeMirror type = p.asType();
    String q = TypeReader.qualified(type);
    if (q.equals(CONTEXT)) {
      return new Param(Param.Source.CONTEXT, name, null, Param.Shape.ONE, null, null);
    }
    for (Class<? extends Annotation> b : List.of(Path.class, Query.class, Header.class)) {
      for (AnnotationView v : AnnotationView.all(p, b, elements)) {
        reporter.report(v.origin(), Diagnostic.TypedMethodEvent, event.simpleName(), method, "it delivers "
            + kind.typed().items() + ", not HTTP requests; remove @" + v.simpleName());
        return null;
      }
    }
    Origin at = AnnotationView.place(p);
    for (Param e : earlier) {
      if (e.source() == Param.Source.MESSAGE || e.source() == Param.Source.EVENT) {
        reporter.report(at, Diagnostic.DuplicateBinding, name, kind.typed().items(), e.name());
        return null;
      }
    }
    List<String> delivered = kind.javaTypes();
    if (delivered.contains(q)) {
      return new Param(Param.Source.EVENT, name, q, Param.Shape.ONE, null, null);
    }
    String simple = delivered.get(0).substring(delivered.get(0).lastIndexOf('.') + 1);
    String envelope = kind.typed().envelope();
    if (q.equals(envelope)) {
      return envelopeParam(at, name, (DeclaredType) type, event, kind, typeReader);
    }
    if (envelope != null && kind.typed().content() == null) {
      String wrapper = envelope.substring(envelope.lastIndexOf('.') + 1);
      reporter.report(at, Diagnostic.TypedMethodEvent, event.simpleName(), method, "it delivers each "
          + kind.typed().oneItem() + " as " + wrapper + "<T>, not as " + type + ": take " + wrapper + "<"
          + (type.getKind() == TypeKind.DECLARED ? ((DeclaredType) type).asElement().getSimpleName() : "YourType")
          + ">, or " + simple);
      return null;
    }
    String item = kind.typed().item();
    if (q.startsWith("com.amazonaws.services.lambda.runtime.events.") || item != null && !q.equals(item)) {
      reporter.report(at, Diagnostic.TypedMethodEvent, event.simpleName(), method, "it delivers " + simple + ", not "
          + type + ": take " + simple + ", or each " + kind.typed().oneItem() + " as "
          + (item != null ? item : "a record or String"));
      return null;
    }
    if (item != null) {
      return new Param(Param.Source.MESSAGE, name, item, Param.Shape.ITEM, null, null);
    }
    if (q.equals("java.lang.String")) {
      return new Param(Param.Source.MESSAGE, name, null, Param.Shape.TEXT, null, null);
    }
    try {
      return new Param(Param.Source.MESSAGE, name, null, Param.Shape.ONE, typeReader.json(type), null);
    } catch (TypeReader.Unsupported e) {
      reporter.report(at, Diagnostic.UnsupportedParameterType, name, kind.typed().items(), e.getMessage(),
          "@" + event.simpleName(), simple + " or " + TypeReader.JSON_TYPES);
      return null;
    }
  }

  /** {@code BusEvent<T>}: the kind's envelope around a record's content, read as T (or kept as text). */
  private Param envelopeParam(Origin at, String name, DeclaredType type, AnnotationView event, EventKind<?> kind,
      TypeReader typeReader) {
    String envelope = kind.typed().envelope();
    String simple = envelope.substring(envelope.lastIndexOf('.') + 1);
    if (type.getTypeArguments().isEmpty()) {
      String content = kind.typed().content();
      reporter.report(at, Diagnostic.RawEnvelope, name, simple, content == null ? "item" : content, simple, simple);
      return null;
    }
    TypeMirror content = type.getTypeArguments().get(0);
    if (TypeReader.qualified(content).equals("java.lang.String")) {
      return new Param(Param.Source.MESSAGE, name, envelope, Param.Shape.ENVELOPE, null, null);
    }
    try {
      return new Param(Param.Source.MESSAGE, name, envelope, Param.Shape.ENVELOPE, typeReader.json(content), null);
    } catch (TypeReader.Unsupported e) {
      reporter.report(at, Diagnostic.UnsupportedParameterType, name, kind.typed().items(), e.getMessage(),
          "@" + event.simpleName(), simple + "<T> or T, where T is String or one of " + TypeReader.JSON_TYPES);
      return null;
    }
  }

  private void checkShape(ExecutableElement method, TypeElement owner, String name, Origin fn) {
    Origin at = AnnotationView.place(method);
    if (!method.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.report(fn, Diagnostic.TypedMethodNotPublic, name);
    }
    if (!method.getTypeParameters().isEmpty()) {
      reporter.report(at, Diagnostic.TypedMethodGeneric, name, "<" + method.getTypeParameters().get(0) + ">");
    }
    TypeMirror exception = elements.getTypeElement("java.lang.Exception").asType();
    for (TypeMirror thrown : method.getThrownTypes()) {
      TypeMirror runtime = elements.getTypeElement("java.lang.Error").asType();
      if (!types.isAssignable(thrown, exception) && !types.isAssignable(thrown, runtime)) {
        reporter.report(at, Diagnostic.TypedMethodThrows, name, thrown);
      }
    }
    String ownerText = owner.getQualifiedName().toString();
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    if (owner.getKind() != ElementKind.CLASS && owner.getKind() != ElementKind.RECORD
        && !(isStatic && owner.getKind() == ElementKind.INTERFACE)) {
      reporter.report(fn, Diagnostic.TypedMethodOwner, name, ownerText, "instantiate: put the method in a class");
    } else if (owner.getModifiers().contains(Modifier.PRIVATE)) {
      reporter.report(fn, Diagnostic.TypedMethodOwner, name, ownerText, "see: it is private; make it public");
    } else if (owner.getNestingKind().isNested() && !owner.getModifiers().contains(Modifier.STATIC)
        && owner.getKind() == ElementKind.CLASS) {
      reporter.report(fn, Diagnostic.TypedMethodOwner, name, ownerText,
          "instantiate: it is an inner class; make it 'static' or a top-level class");
    } else if (!isStatic && owner.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.report(fn, Diagnostic.TypedMethodOwner, name, ownerText,
          "instantiate: it is abstract; make it concrete or the method static");
    } else if (!isStatic && !hasNoArgConstructor(owner)) {
      reporter.report(fn, Diagnostic.TypedMethodOwner, name, ownerText, "instantiate: it needs a public no-argument"
          + " constructor (built once per container), or make the method static");
    }
    for (ExecutableElement other : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (other != method && other.getSimpleName().equals(method.getSimpleName())
          && !AnnotationView.all(other, dev.stratus.annotations.CfFunction.class, elements).isEmpty()
          && owner.getEnclosedElements().indexOf(other) < owner.getEnclosedElements().indexOf(method)) {
        reporter.report(fn, Diagnostic.TypedMethodOverloaded, owner.getSimpleName(), method.getSimpleName(),
            handler(method));
      }
    }
  }

  private static boolean hasNoArgConstructor(TypeElement owner) {
    for (ExecutableElement c : ElementFilter.constructorsIn(owner.getEnclosedElements())) {
      if (c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private Param param(VariableElement p, String method, TypeReader typeReader, Map<String, String> bound) {
    String name = p.getSimpleName().toString();
    Origin at = AnnotationView.place(p);
    List<AnnotationView> bindings = new ArrayList<>();
    for (Class<? extends Annotation> b : BINDINGS) {
      bindings.addAll(AnnotationView.all(p, b, elements));
    }
    TypeMirror type = p.asType();
    if (bindings.isEmpty()) {
      if (TypeReader.qualified(type).equals(CONTEXT)) {
        return new Param(Param.Source.CONTEXT, name, null, Param.Shape.ONE, null, null);
      }
      reporter.report(at, Diagnostic.UnboundParameter, name, method);
      return null;
    }
    if (bindings.size() > 1) {
      reporter.report(bindings.get(1).origin(), Diagnostic.ConflictingBindings, name, bindings.get(0).simpleName(),
          bindings.get(1).simpleName());
      return null;
    }
    AnnotationView b = bindings.get(0);
    Param.Source source = Param.Source.valueOf(b.simpleName().replaceAll("([a-z])([A-Z])", "$1_$2")
        .toUpperCase(Locale.ROOT));
    String key = source == Param.Source.BODY ? null : b.string("value");
    String value = switch (source) {
      case BODY -> "the body";
      case PATH -> "path parameter {" + key + "}";
      case QUERY -> "query parameter '" + key + "'";
      case AUTH_CONTEXT -> "authorizer context value '" + key + "'";
      default -> source.name().toLowerCase(Locale.ROOT) + " '" + key + "'";
    };
    String identity = source == Param.Source.HEADER ? value.toLowerCase(Locale.ROOT) : value;
    String earlier = bound.putIfAbsent(identity, name);
    if (earlier != null) {
      reporter.report(b.origin(), Diagnostic.DuplicateBinding, name, value, earlier);
      return null;
    }
    try {
      return switch (source) {
        case BODY -> body(name, type, typeReader);
        case PATH -> new Param(source, name, key, Param.Shape.ONE, typeReader.text(type), null);
        default -> textual(source, name, key, type, typeReader, b);
      };
    } catch (TypeReader.Unsupported e) {
      String takes = source == Param.Source.BODY ? TypeReader.JSON_TYPES : TypeReader.TEXT_TYPES
          + (source == Param.Source.PATH ? "" : ", or an Optional or List of one");
      reporter.report(at, Diagnostic.UnsupportedParameterType, name, value, e.getMessage(), "@" + b.simpleName(),
          takes);
      return null;
    }
  }

  private Param body(String name, TypeMirror type, TypeReader typeReader) throws TypeReader.Unsupported {
    String q = TypeReader.qualified(type);
    if (q.equals("java.lang.String")) {
      return new Param(Param.Source.BODY, name, null, Param.Shape.TEXT, null, null);
    }
    if (type.getKind() == TypeKind.ARRAY && type.toString().equals("byte[]")) {
      return new Param(Param.Source.BODY, name, null, Param.Shape.BYTES, null, null);
    }
    if (q.equals("java.util.Optional") && TypeReader.qualified(((DeclaredType) type).getTypeArguments().get(0))
        .equals("java.lang.String")) {
      return new Param(Param.Source.BODY, name, null, Param.Shape.OPTIONAL_TEXT, null, null);
    }
    if (q.equals("java.util.Optional")) {
      JsonType t = typeReader.json(type);
      return new Param(Param.Source.BODY, name, null, Param.Shape.OPTIONAL, ((JsonType.Optional) t).value(), null);
    }
    return new Param(Param.Source.BODY, name, null, Param.Shape.ONE, typeReader.json(type), null);
  }

  private Param textual(Param.Source source, String name, String key, TypeMirror type, TypeReader typeReader,
      AnnotationView b) throws TypeReader.Unsupported {
    String q = TypeReader.qualified(type);
    Param.Shape shape = q.equals("java.util.Optional") ? Param.Shape.OPTIONAL
        : q.equals("java.util.List") ? Param.Shape.LIST : Param.Shape.ONE;
    TypeMirror item = type;
    if (shape != Param.Shape.ONE) {
      List<? extends TypeMirror> args = ((DeclaredType) type).getTypeArguments();
      if (args.isEmpty()) {
        throw new TypeReader.Unsupported(type + " needs a type argument");
      }
      item = args.get(0);
    }
    if (source == Param.Source.AUTH_CONTEXT && shape == Param.Shape.LIST) {
      throw new TypeReader.Unsupported("an authorizer's context holds single values");
    }
    JsonType t = typeReader.text(item);
    String fallback = b.isExplicit("defaultValue") ? b.string("defaultValue") : null;
    if (fallback != null) {
      checkDefault(fallback, name, t, b.at("defaultValue"));
    } else if (shape == Param.Shape.ONE && type.getKind().isPrimitive()) {
      fallback = null; // required: a primitive has no "absent"
    }
    return new Param(source, name, key, shape, t, fallback);
  }

  /** A default must convert as a sent value would, or every request without it would fail at run time. */
  private void checkDefault(String fallback, String name, JsonType t, Origin at) {
    if (!(t instanceof JsonType.Simple s)) {
      return; // enums: their constants are not known to this process as values; checked by name below
    }
    try {
      Convert<?> convert = (Convert<?>) Convert.class.getField(s.constant()).get(null);
      convert.parse(fallback);
    } catch (IllegalArgumentException e) {
      reporter.report(at, Diagnostic.InvalidDefaultValue, fallback, name, e.getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("no Convert." + s.constant(), e);
    }
  }

  private void checkPaths(ExecutableElement method, List<Param> params, List<TypedMethod.Route> routes) {
    Map<String, Param> byKey = new LinkedHashMap<>();
    for (Param p : params) {
      if (p.source() == Param.Source.PATH) {
        byKey.put(p.key(), p);
      }
    }
    List<AnnotationView> views = new ArrayList<>();
    for (Class<? extends Annotation> route : List.of(ApiRoute.class, HttpApiRoute.class)) {
      views.addAll(AnnotationView.all(method, route, elements));
    }
    for (int i = 0; i < routes.size(); i++) {
      TypedMethod.Route r = routes.get(i);
      // A function URL's event has no path parameters: its path is the request's.
      boolean url = r == TypedMethod.Route.FUNCTION_URL;
      Set<String> variables = new LinkedHashSet<>();
      Matcher m = PATH_VARIABLE.matcher(url ? "" : r.path());
      while (m.find()) {
        variables.add(m.group(1));
      }
      for (String v : variables) {
        if (!byKey.containsKey(v)) {
          reporter.report(views.get(i).at("path"), Diagnostic.UnboundPathVariable, v, r.path(), v, identifier(v));
        }
      }
      for (Param p : byKey.values()) {
        if (!variables.contains(p.key())) {
          VariableElement element = method.getParameters().stream()
              .filter(e -> e.getSimpleName().contentEquals(p.name())).findFirst().orElseThrow();
          reporter.report(AnnotationView.all(element, Path.class, elements).get(0).origin(),
              Diagnostic.PathParameterNotInPath, p.key(), url ? "its function URL" : r.path(),
              variables.isEmpty() ? "none" : "{" + String.join("}, {", variables) + "}");
        }
      }
      if (READ_METHODS.contains(r.method())) {
        for (Param p : params) {
          if (p.source() == Param.Source.BODY) {
            reporter.report(views.get(i).at("method"), Diagnostic.BodyOnReadRoute, r.method(), r.method());
          }
        }
      }
    }
  }

  private Result result(ExecutableElement method, String name, TypeReader typeReader) {
    TypeMirror t = method.getReturnType();
    Origin at = AnnotationView.place(method);
    try {
      if (t.getKind() == TypeKind.VOID) {
        return new Result(Result.Kind.VOID, null);
      }
      if (t.getKind() == TypeKind.ARRAY && t.toString().equals("byte[]")) {
        return new Result(Result.Kind.BYTES, null);
      }
      String q = TypeReader.qualified(t);
      if (q.equals(RESPONSE) || q.equals("java.util.Optional")) {
        List<? extends TypeMirror> args = ((DeclaredType) t).getTypeArguments();
        if (args.isEmpty() || args.get(0).getKind() == TypeKind.WILDCARD) {
          throw new TypeReader.Unsupported(t + " needs a concrete type argument");
        }
        if (q.equals(RESPONSE)) {
          boolean none = TypeReader.qualified(args.get(0)).equals("java.lang.Void");
          return new Result(Result.Kind.RESPONSE, none ? null : typeReader.json(args.get(0)));
        }
        return new Result(Result.Kind.OPTIONAL, typeReader.json(args.get(0)));
      }
      if (q.equals("java.util.concurrent.CompletableFuture") || q.equals("java.util.concurrent.Future")) {
        throw new TypeReader.Unsupported("a Lambda function answers once it returns; return the value itself");
      }
      return new Result(Result.Kind.VALUE, typeReader.json(t));
    } catch (TypeReader.Unsupported e) {
      reporter.report(at, Diagnostic.UnsupportedReturnType, name, e.getMessage(), TypeReader.JSON_TYPES);
      return null;
    }
  }

  private static String identifier(String variable) {
    String id = variable.replaceAll("[^A-Za-z0-9_]", "");
    return id.isEmpty() || !Character.isJavaIdentifierStart(id.charAt(0)) ? "value" : id;
  }

  private String packageOf(TypeElement e) {
    return packageName(e);
  }

  private static String packageName(TypeElement e) {
    javax.lang.model.element.Element p = e;
    while (!(p instanceof javax.lang.model.element.PackageElement)) {
      p = p.getEnclosingElement();
    }
    return ((javax.lang.model.element.PackageElement) p).getQualifiedName().toString();
  }

  /** The class's name within its package: {@code Shop.Products} for a nested one. */
  private static String ownerName(TypeElement owner) {
    return owner.getEnclosingElement() instanceof TypeElement outer
        ? ownerName(outer) + "." + owner.getSimpleName() : owner.getSimpleName().toString();
  }
}
