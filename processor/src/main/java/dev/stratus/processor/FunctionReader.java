package dev.stratus.processor;

import com.sun.source.util.Trees;
import dev.stratus.annotations.AuthContext;
import dev.stratus.annotations.Authorizer;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.Claim;
import dev.stratus.annotations.FunctionUrl;
import dev.stratus.annotations.OnDynamoDbStream;
import dev.stratus.annotations.Use;
import dev.stratus.processor.glue.TypedMethod;
import dev.stratus.template.FunctionUrlConfig;
import dev.stratus.template.Lambda;
import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.auth.AuthorizerDeclaration;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.events.RouteEvent;
import dev.stratus.template.events.SamEvent;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads {@code @CfFunction} and its event annotations, on a handler class or a typed handler method, into an
 * {@code AWS::Serverless::Function}.
 */
final class FunctionReader {
  private static final Set<String> HANDLER_INTERFACES = Set.of(
      "com.amazonaws.services.lambda.runtime.RequestHandler",
      "com.amazonaws.services.lambda.runtime.RequestStreamHandler");
  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";
  private static final Set<String> BATCH_RESPONSES = Set.of(EVENTS_PACKAGE + ".SQSBatchResponse",
      EVENTS_PACKAGE + ".StreamsEventResponse");

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final YamlText yaml;
  private final MethodReader methods;
  /** The {@code @Use}s read since {@link #takeUses} was last called. */
  private final List<UseRequest> uses = new ArrayList<>();
  private final List<StreamImages> streamImages = new ArrayList<>();
  /** The Lambda authorizers and authorizer bindings read since the last take. */
  private final Map<String, Value> authorizers = new LinkedHashMap<>();
  private final List<AuthBinding> authBindings = new ArrayList<>();
  private final AccessorReads accessorReads;
  /** javac's tree API, or null with another compiler. */
  private final Trees trees;

  FunctionReader(Elements elements, Types types, Reporter reporter, AccessorReads accessorReads, Trees trees) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.accessorReads = accessorReads;
    this.yaml = new YamlText(reporter);
    this.methods = new MethodReader(elements, types, reporter);
  }

  /** The stream images the typed methods read since the last call read. */
  List<StreamImages> takeStreamImages() {
    List<StreamImages> out = List.copyOf(streamImages);
    streamImages.clear();
    return out;
  }

  /** The {@code @Use}s of the functions read since the last call. */
  List<UseRequest> takeUses() {
    List<UseRequest> out = List.copyOf(uses);
    uses.clear();
    return out;
  }

  /** Adds the function declared on {@code element}, if any, to {@code out}; reports every mistake found. */
  void read(Element element, Map<String, Resource> out, Map<List<String>, Origin> origins) {
    List<AnnotationView> functions = AnnotationView.all(element, CfFunction.class, elements);
    if (functions.isEmpty()) {
      reportEventsWithoutFunction(element, "class");
      return;
    }
    AnnotationView fn = functions.get(0);
    if (!(element instanceof TypeElement type) || !isClass(type)) {
      reporter.report(fn.origin(), Diagnostic.HandlerNotAClass, element.getKind().toString().toLowerCase(Locale.ROOT));
      return;
    }
    checkHandlerShape(type, fn.origin());
    String id = fn.string("logicalId").isEmpty() ? defaultLogicalId(type) : fn.string("logicalId");
    function(fn, type, id, elements.getBinaryName(type) + "::handleRequest", reportsBatchItemFailures(type), out,
        origins);
    checkEventTypes(type);
  }

  /** A route parameter bound to what an authorizer passes on: a token's claim, or a Lambda authorizer's context. */
  record AuthBinding(String function, boolean claim, String key, Origin origin) {}

  /** The {@code Metadata} entries of the {@code @Authorizer} methods read since the last call. */
  Map<String, Value> takeAuthorizers() {
    Map<String, Value> out = new LinkedHashMap<>(authorizers);
    authorizers.clear();
    return out;
  }

  List<AuthBinding> takeAuthBindings() {
    List<AuthBinding> out = List.copyOf(authBindings);
    authBindings.clear();
    return out;
  }

  /**
   * Adds the function of a typed handler method, if it has {@code @CfFunction}, and returns what its glue is
   * made of; null when it has none or a mistake was reported.
   */
  TypedMethod readMethod(ExecutableElement method, Map<String, Resource> out, Map<List<String>, Origin> origins) {
    List<AnnotationView> functions = AnnotationView.all(method, CfFunction.class, elements);
    if (functions.isEmpty()) {
      reportEventsWithoutFunction(method, "method");
      return null;
    }
    AnnotationView fn = functions.get(0);
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String id = fn.string("logicalId").isEmpty()
        ? defaultLogicalId(owner).replaceFirst("Function$", "") + MethodReader.capitalized(method) + "Function"
        : fn.string("logicalId");
    TypedMethod glue = methods.read(method, fn.origin(), fn.bool("snapStart"));
    for (AnnotationView a : AnnotationView.all(method, Authorizer.class, elements)) {
      String name = a.string("name").isEmpty() ? MethodReader.capitalized(method) : a.string("name");
      int ttl = a.integer("ttl");
      if (ttl < 0 || ttl > 3600) {
        reporter.report(a.at("ttl"), Diagnostic.InvalidAuthorizerTtl, ttl, name);
      }
      AuthorizerDeclaration d = AuthorizerDeclaration.lambda(name, id, a.strings("headers"), a.strings("queryStrings"),
          ttl);
      if (authorizers.containsKey(d.metadataKey())) {
        reporter.report(a.at("name"), Diagnostic.DuplicateOnElement, "authorizer", name);
        continue;
      }
      authorizers.put(d.metadataKey(), d.toMetadata());
      origins.put(List.of("Metadata", d.metadataKey()), a.origin());
    }
    for (VariableElement p : method.getParameters()) {
      for (Class<? extends Annotation> kind : List.of(Claim.class, AuthContext.class)) {
        for (AnnotationView v : AnnotationView.all(p, kind, elements)) {
          authBindings.add(new AuthBinding(id, kind == Claim.class, v.string("value"), v.origin()));
        }
      }
    }
    for (AnnotationView stream : AnnotationView.all(method, OnDynamoDbStream.class, elements)) {
      StreamImages images = StreamImages.of(trees, method, owner.getSimpleName() + "." + method.getSimpleName(),
          stream.string("table"), stream.origin());
      if (images != null) {
        streamImages.add(images);
      }
    }
    // A method handed one record at a time reports those that failed, where its kind can, and only they come back.
    boolean perRecord = glue != null && glue.typed().reportsFailures() && !glue.takesWholeEvent();
    function(fn, method, id, MethodReader.handler(method), perRecord, out, origins);
    return glue;
  }

  /** The {@code @FunctionUrl} on {@code element}, if any and right. */
  private Optional<FunctionUrlConfig> functionUrl(Element element) {
    for (AnnotationView v : AnnotationView.all(element, FunctionUrl.class, elements)) {
      String auth = v.string("authType");
      if (!FunctionUrlConfig.AUTH_TYPES.contains(auth)) {
        reporter.report(v.at("authType"), Diagnostic.InvalidUrlAuthType, auth);
        return Optional.empty();
      }
      List<String> origins = v.strings("allowOrigins");
      return Optional.of(new FunctionUrlConfig(auth, origins.isEmpty() ? null : new FunctionUrlConfig.Cors(origins,
          v.strings("allowMethods"), v.strings("allowHeaders"), v.strings("exposeHeaders"),
          v.bool("allowCredentials"), v.integer("maxAge"))));
    }
    return Optional.empty();
  }

  private void reportEventsWithoutFunction(Element element, String where) {
    for (AnnotationView v : AnnotationView.all(element, Use.class, elements)) {
      reporter.report(v.origin(), Diagnostic.UseWithoutFunction, where);
    }
    for (AnnotationView v : AnnotationView.all(element, FunctionUrl.class, elements)) {
      reporter.report(v.origin(), Diagnostic.EventWithoutFunction, v.simpleName(), where);
    }
    for (EventAnnotations.Binding event : EventAnnotations.ALL) {
      for (AnnotationView v : AnnotationView.all(element, event.annotation(), elements)) {
        reporter.report(v.origin(), Diagnostic.EventWithoutFunction, v.simpleName(), where);
      }
    }
  }

  /** The {@code AWS::Serverless::Function} that {@code fn} and the event annotations on {@code element} declare. */
  private void function(AnnotationView fn, Element element, String id, String defaultHandler,
      boolean reportBatchItemFailures, Map<String, Resource> out, Map<List<String>, Origin> origins) {
    List<String> path = List.of("Resources", id);
    origins.put(path, fn.origin());
    origins.put(List.of("Resources", id, "Condition"), fn.at("condition"));

    Mapping.Builder props = Mapping.builder()
        .put("Handler", fn.string("handler").isEmpty() ? defaultHandler : fn.string("handler"));
    if (!fn.string("runtime").isEmpty()) {
      props.put("Runtime", fn.string("runtime"));
    }
    if (!fn.string("description").isEmpty()) {
      props.put("Description", fn.string("description"));
    }
    props.put("MemorySize", limited(fn, "memorySize", Diagnostic.InvalidMemorySize, Lambda.MIN_MEMORY_MB,
        Lambda.MAX_MEMORY_MB));
    props.put("Timeout", limited(fn, "timeout", Diagnostic.InvalidTimeout, Lambda.MIN_TIMEOUT_SECONDS,
        Lambda.MAX_TIMEOUT_SECONDS));
    String arch = fn.string("architecture");
    if (!arch.isEmpty()) {
      if (!Lambda.ARCHITECTURES.contains(arch)) {
        // Reported here, in the annotation's words; the template's schema check would say it again.
        reporter.report(fn.at("architecture"), Diagnostic.InvalidArchitecture, arch,
            String.join(" or ", Lambda.ARCHITECTURES));
      } else {
        props.put("Architectures", Value.seq(Value.str(arch)));
      }
    }
    if (fn.bool("snapStart")) {
      props.put("AutoPublishAlias", "live");
      props.put("SnapStart", Mapping.builder().put("ApplyOn", "PublishedVersions").build());
    }
    props.putNonEmpty("Environment", environment(fn, id, origins));
    functionUrl(element).ifPresent(url -> props.put("FunctionUrlConfig", url.toMapping()));
    props.put("Policies", policies(fn, id, origins));
    props.putNonEmpty("Events", events(element, id, reportBatchItemFailures, origins));
    Set<String> declared = new HashSet<>();
    for (AnnotationView u : AnnotationView.all(element, Use.class, elements)) {
      declared.add(u.string("value"));
      List<String> access = new ArrayList<>();
      for (String a : u.enumNames("access")) {
        access.add(a.charAt(0) + a.substring(1).toLowerCase(Locale.ROOT)); // READ → Read, as SAM's profiles say
      }
      uses.add(new UseRequest(id, new dev.stratus.template.connect.Use(u.string("value"), access, u.strings("actions"),
          u.string("objects"), u.string("env"), u.string("type")),
          elements.getPackageOf(element).getQualifiedName().toString(),
          u.origin()));
    }
    for (String read : accessorReads.read(element)) {
      if (!declared.contains(read)) {
        reporter.report(fn.origin(), Diagnostic.AccessorWithoutUse, id, read, read);
      }
    }

    Resource function = Resource.of(Resource.SERVERLESS_FUNCTION, props.build());
    if (!fn.string("condition").isEmpty()) {
      function = function.withCondition(fn.string("condition"));
    }
    out.put(id, function);
  }

  /** An integer attribute within Lambda's limits; left out (the default, 0) it inherits, so it stays absent. */
  private Value limited(AnnotationView fn, String attribute, Diagnostic outOfRange, int min, int max) {
    int value = fn.integer(attribute);
    if (value == 0 && !fn.isExplicit(attribute)) {
      return null;
    }
    if (value < min || value > max) {
      reporter.report(fn.at(attribute), outOfRange, value, min, max);
    }
    return Value.num(value);
  }

  static String defaultLogicalId(TypeElement type) {
    String name = type.getSimpleName().toString();
    if (name.endsWith("Handler") && name.length() > "Handler".length()) {
      name = name.substring(0, name.length() - "Handler".length());
    }
    return name + "Function";
  }

  private static boolean isClass(TypeElement type) {
    return type.getKind() == ElementKind.CLASS || type.getKind() == ElementKind.RECORD;
  }

  private void checkHandlerShape(TypeElement type, Origin at) {
    String name = type.getQualifiedName().toString();
    if (type.getNestingKind().isNested() && !type.getModifiers().contains(Modifier.STATIC)) {
      reporter.report(at, Diagnostic.HandlerInnerClass, name);
    }
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.report(at, Diagnostic.HandlerNotPublic, name);
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.report(at, Diagnostic.HandlerAbstract, name);
    }
    boolean publicNoArg = false;
    boolean implicitConstructor = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      publicNoArg |= c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC);
      implicitConstructor |= elements.getOrigin(c) == Elements.Origin.MANDATED;
    }
    // The implicit constructor takes the class's access: making the class public fixes both.
    if (!publicNoArg && !implicitConstructor) {
      reporter.report(at, Diagnostic.HandlerNoPublicConstructor, name, type.getSimpleName());
    }
    if (!implementsHandler(type.asType(), new HashSet<>())) {
      reporter.report(at, Diagnostic.HandlerNotAHandler, name);
      return;
    }
    TypeElement declaring = handleRequestDeclaredIn(type);
    if (declaring != null && declaring != type && !declaring.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.report(at, Diagnostic.HandlerMethodNotAccessible, type.getSimpleName(), declaring.getQualifiedName(),
          declaring.getSimpleName(), type.getSimpleName());
    }
  }

  /** The class whose concrete {@code handleRequest} Lambda will call: the most derived one. */
  private TypeElement handleRequestDeclaredIn(TypeElement type) {
    for (TypeElement t = type; t != null; ) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals("handleRequest") && !m.getModifiers().contains(Modifier.ABSTRACT)
            && (m.getParameters().size() == 2 || m.getParameters().size() == 3)) {
          return t;
        }
      }
      TypeMirror superclass = t.getSuperclass();
      t = superclass instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
    }
    return null;
  }

  private boolean implementsHandler(TypeMirror type, Set<String> seen) {
    for (TypeMirror s : types.directSupertypes(type)) {
      if (s instanceof DeclaredType d) {
        String n = ((TypeElement) d.asElement()).getQualifiedName().toString();
        if (HANDLER_INTERFACES.contains(n) || seen.add(n) && implementsHandler(s, seen)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Each event annotation must deliver what the handler takes, when it takes one of the event types. */
  private void checkEventTypes(TypeElement type) {
    TypeMirror input = handlerInput(type.asType(), new HashSet<>());
    if (!(input instanceof DeclaredType declared)) {
      return;
    }
    String inputName = ((TypeElement) declared.asElement()).getQualifiedName().toString();
    if (!inputName.startsWith(EVENTS_PACKAGE + ".")) {
      return; // a Map, a POJO or a String: the handler decides what it accepts
    }
    for (EventAnnotations.Binding event : EventAnnotations.ALL) {
      for (AnnotationView v : AnnotationView.all(type, event.annotation(), elements)) {
        List<String> delivered = event.kind().javaTypes();
        boolean fits = false;
        for (String name : delivered) {
          TypeElement e = elements.getTypeElement(name);
          fits |= e == null || types.isAssignable(e.asType(), types.erasure(input));
        }
        if (!fits) {
          String simple = delivered.get(0).substring(EVENTS_PACKAGE.length() + 1);
          reporter.report(v.origin(), Diagnostic.EventTypeMismatch, v.simpleName(), simple, type.getSimpleName(),
              declared.asElement().getSimpleName(), simple);
        }
      }
    }
  }

  /**
   * Whether the class handler answers the failed records of a batch ({@code RequestHandler<…, SQSBatchResponse>}
   * or {@code StreamsEventResponse}): then Lambda must be told to read them (ReportBatchItemFailures).
   */
  private boolean reportsBatchItemFailures(TypeElement type) {
    TypeMirror output = handlerTypeArgument(type.asType(), 1, new HashSet<>());
    return output instanceof DeclaredType d && BATCH_RESPONSES.contains(
        ((TypeElement) d.asElement()).getQualifiedName().toString());
  }

  /** The {@code I} of {@code RequestHandler<I, O>} as the class binds it; null for stream handlers or when unbound. */
  private TypeMirror handlerInput(TypeMirror type, Set<String> seen) {
    return handlerTypeArgument(type, 0, seen);
  }

  /** Type argument {@code index} of {@code RequestHandler<I, O>} as the class binds it, or null. */
  private TypeMirror handlerTypeArgument(TypeMirror type, int index, Set<String> seen) {
    for (TypeMirror s : types.directSupertypes(type)) {
      if (s instanceof DeclaredType d) {
        String n = ((TypeElement) d.asElement()).getQualifiedName().toString();
        if (n.equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
          return d.getTypeArguments().size() <= index ? null : d.getTypeArguments().get(index);
        }
        if (seen.add(n)) {
          TypeMirror found = handlerTypeArgument(s, index, seen);
          if (found != null) {
            return found;
          }
        }
      }
    }
    return null;
  }

  private Mapping environment(AnnotationView fn, String id, Map<List<String>, Origin> origins) {
    Mapping.Builder vars = Mapping.builder();
    Set<String> names = new HashSet<>();
    for (AnnotationView env : fn.nested("environment")) {
      String name = env.string("name");
      Origin at = env.at("name");
      if (!Lambda.ENVIRONMENT_NAME.matcher(name).matches()) {
        reporter.report(at, Diagnostic.InvalidEnvironmentName, name);
      } else if (!names.add(name)) {
        reporter.report(at, Diagnostic.DuplicateEnvironmentVariable, name);
      }
      origins.put(List.of("Resources", id, "Properties", "Environment", "Variables", name), env.at("value"));
      vars.put(name, yaml.textOrIntrinsic(env.string("value"), env.at("value"), "environment value of " + name));
    }
    Mapping variables = vars.build();
    return variables.isEmpty() ? null : Mapping.builder().put("Variables", variables).build();
  }

  private Value policies(AnnotationView fn, String id, Map<List<String>, Origin> origins) {
    List<Value> policies = new ArrayList<>();
    List<String> texts = fn.strings("policies");
    List<Origin> at = fn.itemOrigins("policies");
    origins.put(List.of("Resources", id, "Properties", "Policies"), fn.at("policies"));
    for (int i = 0; i < texts.size(); i++) {
      Value policy = yaml.yaml(texts.get(i), at.get(i), "policy '" + texts.get(i).strip() + "'");
      if (policy != null) {
        origins.put(List.of("Resources", id, "Properties", "Policies", Integer.toString(policies.size())), at.get(i));
        policies.add(policy);
      }
    }
    return policies.isEmpty() ? null : new Value.Seq(policies);
  }

  private Mapping events(Element element, String functionId, boolean reportBatchItemFailures,
      Map<List<String>, Origin> origins) {
    Map<String, Mapping> events = new LinkedHashMap<>();
    for (EventAnnotations.Binding binding : EventAnnotations.ALL) {
      for (AnnotationView v : AnnotationView.all(element, binding.annotation(), elements)) {
        EventInput in = new EventInput(v, yaml, reporter);
        SamEvent event = binding.kind().fromAnnotation().apply(in);
        if (event == null) {
          continue;
        }
        if (reportBatchItemFailures && binding.kind().typed().reportsFailures()) {
          event = event.reportingBatchItemFailures();
        }
        String name = v.string("name");
        if (name.isEmpty()) {
          name = unique(binding.kind().defaultName().apply(in), events.keySet());
        } else if (!Names.isValidLogicalId(name)) {
          reporter.report(v.at("name"), Diagnostic.InvalidEventName, name, name.replaceAll("[^A-Za-z0-9]", ""));
          continue;
        } else if (events.containsKey(name)) {
          reporter.report(v.at("name"), Diagnostic.DuplicateEventName, name);
          continue;
        }
        origins.put(List.of("Resources", functionId, "Properties", "Events", name), v.origin());
        if (event instanceof RouteEvent) {
          List<String> auth = List.of("Resources", functionId, "Properties", "Events", name, "Properties", "Auth");
          origins.put(append(auth, "Authorizer"), v.at("authorizer"));
          origins.put(append(auth, "AuthorizationScopes"), v.at("scopes"));
        }
        events.put(name, event.toMapping());
      }
    }
    Mapping.Builder b = Mapping.builder();
    events.forEach(b::put);
    return b.build();
  }

  private static List<String> append(List<String> path, String key) {
    List<String> out = new ArrayList<>(path);
    out.add(key);
    return out;
  }

  private static String unique(String name, Set<String> taken) {
    String base = name.isEmpty() ? "Event" : name;
    String candidate = base;
    for (int n = 2; taken.contains(candidate); n++) {
      candidate = base + n;
    }
    return candidate;
  }
}
