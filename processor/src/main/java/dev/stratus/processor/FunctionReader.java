package dev.stratus.processor;

import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.HttpApiRoute;
import dev.stratus.annotations.OnS3Event;
import dev.stratus.annotations.OnSchedule;
import dev.stratus.annotations.OnSnsMessage;
import dev.stratus.annotations.OnSqsMessage;
import dev.stratus.template.Fn;
import dev.stratus.template.Names;
import dev.stratus.template.Resource;
import dev.stratus.template.check.SamEvents;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads {@code @CfFunction} and its event annotations on a handler class into an {@code AWS::Serverless::Function}. */
final class FunctionReader {
  static final List<Class<? extends java.lang.annotation.Annotation>> EVENTS = List.of(
      ApiRoute.class, HttpApiRoute.class, OnS3Event.class, OnSchedule.class, OnSqsMessage.class, OnSnsMessage.class);
  private static final Set<String> HANDLER_INTERFACES = Set.of(
      "com.amazonaws.services.lambda.runtime.RequestHandler",
      "com.amazonaws.services.lambda.runtime.RequestStreamHandler");
  private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";
  /** The event type each annotation delivers (HTTP APIs also send the REST shape with payload format 1.0). */
  private static final Map<String, List<String>> EVENT_TYPES = Map.of(
      "ApiRoute", List.of(EVENTS_PACKAGE + ".APIGatewayProxyRequestEvent"),
      "HttpApiRoute", List.of(EVENTS_PACKAGE + ".APIGatewayV2HTTPEvent", EVENTS_PACKAGE + ".APIGatewayProxyRequestEvent"),
      "OnS3Event", List.of(EVENTS_PACKAGE + ".S3Event"),
      "OnSchedule", List.of(EVENTS_PACKAGE + ".ScheduledEvent"),
      "OnSqsMessage", List.of(EVENTS_PACKAGE + ".SQSEvent"),
      "OnSnsMessage", List.of(EVENTS_PACKAGE + ".SNSEvent"));
  private static final Pattern ENV_NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]+");
  private static final Set<String> ARCHITECTURES = Set.of("x86_64", "arm64");

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final YamlText yaml;

  FunctionReader(Elements elements, Types types, Reporter reporter) {
    this.elements = elements;
    this.types = types;
    this.reporter = reporter;
    this.yaml = new YamlText(reporter);
  }

  /** Adds the function declared on {@code element}, if any, to {@code out}; reports every mistake found. */
  void read(Element element, Map<String, Resource> out, Map<List<String>, Origin> origins) {
    List<AnnotationView> functions = AnnotationView.all(element, CfFunction.class, elements);
    if (functions.isEmpty()) {
      for (Class<? extends java.lang.annotation.Annotation> event : EVENTS) {
        for (AnnotationView v : AnnotationView.all(element, event, elements)) {
          reporter.error(v.origin(), Diagnostic.EventWithoutFunction, v.simpleName());
        }
      }
      return;
    }
    AnnotationView fn = functions.get(0);
    if (!(element instanceof TypeElement type) || !isClass(type)) {
      reporter.error(fn.origin(), Diagnostic.HandlerNotAClass, element.getKind().toString().toLowerCase(Locale.ROOT));
      return;
    }
    checkHandlerShape(type, fn.origin());
    String id = fn.string("logicalId").isEmpty() ? defaultLogicalId(type) : fn.string("logicalId");
    List<String> path = List.of("Resources", id);
    origins.put(path, fn.origin());
    origins.put(List.of("Resources", id, "Condition"), fn.at("condition"));

    Mapping.Builder props = Mapping.builder()
        .put("Handler", fn.string("handler").isEmpty()
            ? elements.getBinaryName(type) + "::handleRequest" : fn.string("handler"));
    if (!fn.string("runtime").isEmpty()) {
      props.put("Runtime", fn.string("runtime"));
    }
    if (!fn.string("description").isEmpty()) {
      props.put("Description", fn.string("description"));
    }
    props.put("MemorySize", limited(fn, "memorySize", 128, 10240, "MB"));
    props.put("Timeout", limited(fn, "timeout", 1, 900, "seconds"));
    String arch = fn.string("architecture");
    if (!arch.isEmpty()) {
      if (!ARCHITECTURES.contains(arch)) {
        reporter.error(fn.at("architecture"), Diagnostic.InvalidValue,
            "architecture '" + arch + "' is not one Lambda offers: use x86_64 or arm64");
      }
      props.put("Architectures", Value.seq(Value.str(arch)));
    }
    if (fn.bool("snapStart")) {
      props.put("AutoPublishAlias", "live");
      props.put("SnapStart", Mapping.builder().put("ApplyOn", "PublishedVersions").build());
    }
    props.putNonEmpty("Environment", environment(fn, id, origins));
    props.put("Policies", policies(fn, id, origins));
    props.putNonEmpty("Events", events(element, id, origins));
    checkEventTypes(type);

    Resource function = Resource.of(Resource.SERVERLESS_FUNCTION, props.build());
    if (!fn.string("condition").isEmpty()) {
      function = function.withCondition(fn.string("condition"));
    }
    out.put(id, function);
  }

  /** An integer attribute within Lambda's limits; 0 (the default) inherits, so it is left out. */
  private Value limited(AnnotationView fn, String attribute, int min, int max, String unit) {
    int value = fn.integer(attribute);
    if (value == 0) {
      return null;
    }
    if (value < min || value > max) {
      reporter.error(fn.at(attribute), Diagnostic.InvalidValue, attribute + " " + value + " is out of range: Lambda"
          + " allows " + min + " to " + max + " " + unit + " (0 inherits the default)");
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
      reporter.error(at, Diagnostic.HandlerInnerClass, name);
    }
    if (!type.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.error(at, Diagnostic.HandlerNotPublic, name);
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      reporter.error(at, Diagnostic.HandlerAbstract, name);
    }
    boolean publicNoArg = false;
    boolean implicitConstructor = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      publicNoArg |= c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC);
      implicitConstructor |= elements.getOrigin(c) == Elements.Origin.MANDATED;
    }
    // The implicit constructor takes the class's access: making the class public fixes both.
    if (!publicNoArg && !implicitConstructor) {
      reporter.error(at, Diagnostic.HandlerNoPublicConstructor, name, type.getSimpleName());
    }
    if (!implementsHandler(type.asType(), new HashSet<>())) {
      reporter.error(at, Diagnostic.HandlerNotAHandler, name);
      return;
    }
    TypeElement declaring = handleRequestDeclaredIn(type);
    if (declaring != null && declaring != type && !declaring.getModifiers().contains(Modifier.PUBLIC)) {
      reporter.error(at, Diagnostic.HandlerMethodNotAccessible, type.getSimpleName(), declaring.getQualifiedName(),
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
    for (Class<? extends java.lang.annotation.Annotation> event : EVENTS) {
      for (AnnotationView v : AnnotationView.all(type, event, elements)) {
        List<String> delivered = EVENT_TYPES.get(v.simpleName());
        boolean fits = false;
        for (String name : delivered) {
          TypeElement e = elements.getTypeElement(name);
          fits |= e == null || types.isAssignable(e.asType(), types.erasure(input));
        }
        if (!fits) {
          String simple = delivered.get(0).substring(EVENTS_PACKAGE.length() + 1);
          reporter.error(v.origin(), Diagnostic.EventTypeMismatch, v.simpleName(), simple, type.getSimpleName(),
              declared.asElement().getSimpleName(), simple);
        }
      }
    }
  }

  /** The {@code I} of {@code RequestHandler<I, O>} as the class binds it; null for stream handlers or when unbound. */
  private TypeMirror handlerInput(TypeMirror type, Set<String> seen) {
    for (TypeMirror s : types.directSupertypes(type)) {
      if (s instanceof DeclaredType d) {
        String n = ((TypeElement) d.asElement()).getQualifiedName().toString();
        if (n.equals("com.amazonaws.services.lambda.runtime.RequestHandler")) {
          return d.getTypeArguments().isEmpty() ? null : d.getTypeArguments().get(0);
        }
        if (seen.add(n)) {
          TypeMirror found = handlerInput(s, seen);
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
      if (!ENV_NAME.matcher(name).matches()) {
        reporter.error(at, Diagnostic.InvalidValue, "environment variable name '" + name
            + "' is not valid: Lambda takes a letter, then letters, digits or '_' (at least 2 characters)");
      } else if (!names.add(name)) {
        reporter.error(at, Diagnostic.InvalidValue, "environment variable '" + name + "' is set twice; keep one");
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
        policies.add(policy);
      }
    }
    return policies.isEmpty() ? null : new Value.Seq(policies);
  }

  private Mapping events(Element element, String functionId, Map<List<String>, Origin> origins) {
    Map<String, Mapping> events = new LinkedHashMap<>();
    for (Class<? extends java.lang.annotation.Annotation> type : EVENTS) {
      for (AnnotationView v : AnnotationView.all(element, type, elements)) {
        Mapping event = event(v);
        if (event == null) {
          continue;
        }
        String name = v.string("name");
        if (name.isEmpty()) {
          name = unique(defaultEventName(v), events.keySet());
        } else if (!Names.isValidLogicalId(name)) {
          reporter.error(v.at("name"), Diagnostic.InvalidEventName, name, name.replaceAll("[^A-Za-z0-9]", ""));
          continue;
        } else if (events.containsKey(name)) {
          reporter.error(v.at("name"), Diagnostic.DuplicateEventName, name);
          continue;
        }
        origins.put(List.of("Resources", functionId, "Properties", "Events", name), v.origin());
        events.put(name, event);
      }
    }
    Mapping.Builder b = Mapping.builder();
    events.forEach(b::put);
    return b.build();
  }

  private Mapping event(AnnotationView v) {
    Mapping.Builder props = Mapping.builder();
    String type;
    switch (v.simpleName()) {
      case "ApiRoute" -> {
        type = "Api";
        props.put("Path", v.string("path")).put("Method", method(v));
        if (!v.string("api").isEmpty()) {
          props.put("RestApiId", Fn.ref(v.string("api")));
        }
        if (v.bool("apiKeyRequired")) {
          props.put("Auth", Mapping.builder().put("ApiKeyRequired", Value.bool(true)).build());
        }
      }
      case "HttpApiRoute" -> {
        type = "HttpApi";
        props.put("Path", v.string("path")).put("Method", method(v));
        if (!v.string("api").isEmpty()) {
          props.put("ApiId", Fn.ref(v.string("api")));
        }
      }
      case "OnS3Event" -> {
        type = "S3";
        props.put("Bucket", Fn.ref(v.string("bucket")));
        List<String> names = v.strings("events");
        props.put("Events", names.size() == 1 ? Value.str(names.get(0)) : Value.seqOf(names));
        List<Value> rules = new ArrayList<>();
        for (String filter : List.of("prefix", "suffix")) {
          if (!v.string(filter).isEmpty()) {
            rules.add(Mapping.builder().put("Name", filter).put("Value", v.string(filter)).build());
          }
        }
        if (!rules.isEmpty()) {
          props.put("Filter", Mapping.builder().put("S3Key", Mapping.builder().put("Rules", new Value.Seq(rules))
              .build()).build());
        }
      }
      case "OnSchedule" -> {
        type = "Schedule";
        props.put("Schedule", v.string("value"));
        if (!v.bool("enabled")) {
          props.put("Enabled", Value.bool(false));
        }
        if (!v.string("input").isEmpty()) {
          if (yaml.yaml(v.string("input"), v.at("input"), "input") == null) {
            return null;
          }
          props.put("Input", v.string("input"));
        }
      }
      case "OnSqsMessage" -> {
        type = "SQS";
        Value queue = source(v, "queue", "Arn");
        if (queue == null) {
          return null;
        }
        props.put("Queue", queue);
        if (v.integer("batchSize") != 0) {
          props.put("BatchSize", Value.num(v.integer("batchSize")));
        }
      }
      default -> {
        type = "SNS";
        Value topic = source(v, "topic", null);
        if (topic == null) {
          return null;
        }
        props.put("Topic", topic);
        if (v.integer("batchSize") != 0) {
          reporter.error(v.at("batchSize"), Diagnostic.InvalidValue, "SNS invokes a function once per message, so"
              + " batchSize has no effect here; to take batches, subscribe an SQS queue to the topic and use"
              + " @OnSqsMessage(queue = ..., batchSize = " + v.integer("batchSize") + ")");
        }
        if (!v.string("filterPolicy").isEmpty()) {
          Value policy = yaml.yaml(v.string("filterPolicy"), v.at("filterPolicy"), "filterPolicy");
          if (policy == null) {
            return null;
          }
          props.put("FilterPolicy", policy);
        }
      }
    }
    return Mapping.builder().put("Type", type).put("Properties", props.build()).build();
  }

  /** Lower case as SAM writes methods; an unknown one stays as written so that its error quotes the user. */
  private static String method(AnnotationView v) {
    String method = v.string("method");
    return SamEvents.checkMethod(method).isEmpty() ? method.toLowerCase(Locale.ROOT) : method;
  }

  /** A logical id becomes a reference ({@code !GetAtt Q.Arn} or {@code !Ref T}); an ARN or intrinsic stays as given. */
  private Value source(AnnotationView v, String attribute, String getAtt) {
    String text = v.string(attribute);
    if (Names.isValidLogicalId(text)) {
      return getAtt == null ? Fn.ref(text) : Fn.getAtt(text, getAtt);
    }
    return yaml.textOrIntrinsic(text, v.at(attribute), attribute);
  }

  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");

  private static String defaultEventName(AnnotationView v) {
    return switch (v.simpleName()) {
      case "ApiRoute", "HttpApiRoute" -> {
        StringBuilder b = new StringBuilder(v.simpleName().equals("HttpApiRoute") ? "Http" : "");
        b.append(capitalize(v.string("method").toLowerCase(Locale.ROOT)));
        for (String segment : NOT_ALPHANUMERIC.split(v.string("path"))) {
          b.append(capitalize(segment));
        }
        yield v.string("path").equals("/") ? b + "Root" : b.toString();
      }
      case "OnS3Event" -> alphanumeric(v.string("bucket")) + "Event";
      case "OnSchedule" -> "Schedule";
      case "OnSqsMessage" -> alphanumeric(v.string("queue")) + "Messages";
      default -> alphanumeric(v.string("topic")) + "Messages";
    };
  }

  private static String alphanumeric(String text) {
    String s = NOT_ALPHANUMERIC.matcher(text).replaceAll("");
    return s.length() > 64 || s.isEmpty() ? "" : s;
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
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
