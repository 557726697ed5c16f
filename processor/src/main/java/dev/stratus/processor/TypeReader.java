package dev.stratus.processor;

import com.palantir.javapoet.ClassName;
import dev.stratus.annotations.JsonName;
import dev.stratus.annotations.JsonNaming;
import dev.stratus.processor.glue.JsonType;
import dev.stratus.template.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads a Java type into the {@link JsonType} the generated glue handles, or says why it cannot: a typed
 * method's types are checked here, at compile time, so the glue never meets a type it cannot read.
 * One instance per method (or {@code @JsonCodec} type), so that the codec names of its structures are unique.
 *
 * <p>Each property's JSON name is its {@code @JsonName}, else its Java name under the {@code @JsonNaming}
 * policy of its type, else of its package. An empty name, names that disagree, and two properties of one
 * name are reported on the property's element when there is a {@link Reporter} (the structure read then is
 * not to be generated: the caller sees the error count grow); without one, they are thrown as
 * {@link Unsupported}.
 */
final class TypeReader {
  /** Thrown with the part of the type that is not supported, and why. */
  static final class Unsupported extends Exception {
    private static final long serialVersionUID = 1L;

    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  static final String JSON_TYPES = "String, primitives and their boxes, BigDecimal, BigInteger, UUID, Instant,"
      + " LocalDate, enums, byte[], records, beans (a public no-argument constructor, getters and setters), List,"
      + " Set, Map<String, T>, Optional, Object";
  static final String TEXT_TYPES = "String, primitives and their boxes, BigDecimal, UUID, Instant, LocalDate, enums";

  /** Codec constant by type, and whether a text conversion exists too. */
  private record Known(String boxed, String constant, boolean text, String zero) {}

  private static final Map<String, Known> KNOWN = new HashMap<>();

  static {
    known("boolean", "java.lang.Boolean", "BOOLEAN", true, "false");
    known("int", "java.lang.Integer", "INT", true, "0");
    known("long", "java.lang.Long", "LONG", true, "0L");
    known("short", "java.lang.Short", "SHORT", true, "(short) 0");
    known("byte", "java.lang.Byte", "BYTE", true, "(byte) 0");
    known("double", "java.lang.Double", "DOUBLE", true, "0.0");
    known("float", "java.lang.Float", "FLOAT", true, "0.0f");
    known("char", "java.lang.Character", "CHAR", true, "'\\0'");
    KNOWN.put("java.lang.String", new Known("java.lang.String", "STRING", true, null));
    KNOWN.put("java.math.BigDecimal", new Known("java.math.BigDecimal", "BIG_DECIMAL", true, null));
    KNOWN.put("java.math.BigInteger", new Known("java.math.BigInteger", "BIG_INTEGER", false, null));
    KNOWN.put("java.util.UUID", new Known("java.util.UUID", "UUID_", true, null));
    KNOWN.put("java.time.Instant", new Known("java.time.Instant", "INSTANT", true, null));
    KNOWN.put("java.time.LocalDate", new Known("java.time.LocalDate", "LOCAL_DATE", true, null));
  }

  private static void known(String primitive, String boxed, String constant, boolean text, String zero) {
    KNOWN.put(primitive, new Known(boxed, constant, text, zero));
    KNOWN.put(boxed, new Known(boxed, constant, text, null));
  }

  private final Map<String, JsonType.Structure> structures = new HashMap<>();
  private final Set<String> inProgress = new HashSet<>();
  /** The package of the handlers that use these types: their codecs are generated there. */
  private final String packageName;

  private final javax.lang.model.util.Elements elements;
  /** Where naming mistakes are reported on their element; null: they are thrown. */
  private final Reporter reporter;

  TypeReader(javax.lang.model.util.Elements elements, String packageName) {
    this(elements, packageName, null);
  }

  TypeReader(javax.lang.model.util.Elements elements, String packageName, Reporter reporter) {
    this.elements = elements;
    this.packageName = packageName;
    this.reporter = reporter;
  }

  /** The value of a primitive left out of JSON, or null for a reference type. */
  static String zero(TypeMirror t) {
    if (t.getKind().isPrimitive()) {
      return KNOWN.get(t.toString()).zero();
    }
    return qualified(t).equals("java.util.Optional") ? "java.util.Optional.empty()" : null;
  }

  /** A path, query or header value's type, converted from text; throws when there is no conversion. */
  JsonType text(TypeMirror t) throws Unsupported {
    Known k = KNOWN.get(t.getKind().isPrimitive() ? t.toString() : qualified(t));
    if (k != null && k.text()) {
      return new JsonType.Simple(k.boxed(), k.constant());
    }
    if (isEnum(t)) {
      return enumeration(t);
    }
    throw new Unsupported(t + " has no text form");
  }

  /** {@code t} as JSON. */
  JsonType json(TypeMirror t) throws Unsupported {
    if (t.getKind().isPrimitive()) {
      Known k = KNOWN.get(t.toString());
      return new JsonType.Simple(k.boxed(), k.constant());
    }
    if (t instanceof ArrayType a) {
      if (a.getComponentType().getKind() == TypeKind.BYTE) {
        return new JsonType.Simple("byte[]", "BYTES");
      }
      throw new Unsupported("arrays other than byte[] are not supported: use a List");
    }
    if (!(t instanceof DeclaredType d)) {
      throw new Unsupported(t + " is not a concrete type");
    }
    String name = qualified(t);
    Known k = KNOWN.get(name);
    if (k != null) {
      return new JsonType.Simple(k.boxed(), k.constant());
    }
    List<? extends TypeMirror> args = d.getTypeArguments();
    switch (name) {
      case "java.lang.Object" -> {
        return new JsonType.Any("java.lang.Object");
      }
      case "java.util.List", "java.util.Collection", "java.util.Set" -> {
        JsonType item = json(argument(t, args, 0));
        boolean set = name.equals("java.util.Set");
        return new JsonType.Collection((set ? "java.util.Set<" : "java.util.List<") + item.java() + ">", set, item);
      }
      case "java.util.Map" -> {
        if (!qualified(argument(t, args, 0)).equals("java.lang.String")) {
          throw new Unsupported("JSON object keys are strings: use Map<String, " + args.get(1) + ">");
        }
        JsonType value = json(argument(t, args, 1));
        return new JsonType.StringMap("java.util.Map<java.lang.String, " + value.java() + ">", value);
      }
      case "java.util.Optional" -> {
        JsonType value = json(argument(t, args, 0));
        return new JsonType.Optional("java.util.Optional<" + value.java() + ">", value);
      }
      default -> {}
    }
    if (isEnum(t)) {
      return enumeration(t);
    }
    return structure((TypeElement) d.asElement());
  }

  private static TypeMirror argument(TypeMirror t, List<? extends TypeMirror> args, int i) throws Unsupported {
    if (args.size() <= i || args.get(i).getKind() == TypeKind.WILDCARD || args.get(i).getKind() == TypeKind.TYPEVAR) {
      throw new Unsupported(t + " needs concrete type arguments");
    }
    return args.get(i);
  }

  private JsonType.Structure structure(TypeElement type) throws Unsupported {
    String name = type.getQualifiedName().toString();
    JsonType.Structure done = structures.get(name);
    if (done != null) {
      return done;
    }
    if (!type.getTypeParameters().isEmpty()) {
      throw new Unsupported(name + " is generic; use a concrete record or class");
    }
    if (!type.getModifiers().contains(Modifier.PUBLIC)
        || type.getNestingKind().isNested() && !type.getModifiers().contains(Modifier.STATIC)
        && type.getKind() != ElementKind.RECORD) {
      throw new Unsupported(name + " must be public, and static if nested, for the generated code to build it");
    }
    if (!inProgress.add(name)) {
      throw new Unsupported(name + " refers to itself; JSON of recursive types is not supported");
    }
    List<Named> props = new ArrayList<>();
    boolean record = type.getKind() == ElementKind.RECORD;
    if (record) {
      for (RecordComponentElement c : type.getRecordComponents()) {
        String p = c.getSimpleName().toString();
        List<Element> named = new ArrayList<>(List.of(c));
        if (c.getAccessor() != null) {
          named.add(c.getAccessor()); // an accessor written out may say the name too
        }
        props.add(new Named(p, json(c.asType()), p, null, zero(c.asType()), c, named));
      }
    } else {
      bean(type, props);
    }
    inProgress.remove(name);
    List<JsonType.Property> properties = names(type, props);
    // Named by the type, within the handlers' package: one codec class per type and package, shared.
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    String codec = (pkg.equals(packageName) && !pkg.isEmpty() ? name.substring(pkg.length() + 1) : name)
        .replace('.', '_') + "_Codec";
    JsonType.Structure s = new JsonType.Structure(name, codec, record, properties, ClassName.get(type),
        ClassName.get(packageName, codec));
    structures.put(name, s);
    return s;
  }

  /** A property before its JSON name is known: where it is declared, and every element that may name it. */
  private record Named(String name, JsonType type, String getter, String setter, String zero, Element at,
      List<Element> named) {}

  /**
   * The JSON names of {@code type}'s properties: {@code @JsonName} wins over the policy; an empty name, two
   * names of one property, and one name of two properties are mistakes.
   */
  private List<JsonType.Property> names(TypeElement type, List<Named> props) throws Unsupported {
    JsonNaming.Policy policy = policy(type);
    Map<String, Named> byJson = new HashMap<>();
    List<JsonType.Property> out = new ArrayList<>();
    String owner = type.getSimpleName().toString();
    for (Named p : props) {
      String byPolicy = apply(policy, p.name());
      String json = null;
      Element namedAt = null;
      Set<String> seen = new HashSet<>();
      for (Element e : p.named()) {
        JsonName n = e.getAnnotation(JsonName.class);
        if (n == null || !seen.add(n.value())) {
          continue; // a record component's name is its accessor's too
        }
        if (n.value().isEmpty()) {
          mistake(e, Diagnostic.InvalidJsonName, p.name(), owner, byPolicy);
        } else if (json == null) {
          json = n.value();
          namedAt = e;
        } else if (!json.equals(n.value())) {
          mistake(e, Diagnostic.ConflictingJsonNames, p.name(), owner, json, role(namedAt), n.value(), role(e));
        }
      }
      if (json == null) {
        json = byPolicy;
      }
      Named first = byJson.putIfAbsent(json, p);
      if (first != null) {
        Element at = namedAt != null ? namedAt : p.at();
        mistake(at, Diagnostic.DuplicateJsonName, first.name(), p.name(), owner, json);
        continue;
      }
      out.add(new JsonType.Property(p.name(), json, p.type(), p.getter(), p.setter(), p.zero()));
    }
    return out;
  }

  /** Reported on {@code at} (on its {@code @JsonName} if it has one), or thrown without a reporter. */
  private void mistake(Element at, Diagnostic d, Object... args) throws Unsupported {
    if (reporter == null) {
      throw new Unsupported(d.with(args).text());
    }
    if (at.getKind() == ElementKind.RECORD_COMPONENT) {
      // The Messager cannot place a record component; the field of the same name is declared by the same text.
      for (VariableElement f : ElementFilter.fieldsIn(at.getEnclosingElement().getEnclosedElements())) {
        if (f.getSimpleName().contentEquals(at.getSimpleName())) {
          at = f;
        }
      }
    }
    AnnotationMirror annotation = null;
    for (AnnotationMirror m : at.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(JsonName.class.getName())) {
        annotation = m;
      }
    }
    reporter.reportOn(at, annotation, d, args);
  }

  private static String role(Element e) {
    return switch (e.getKind()) {
      case RECORD_COMPONENT -> "component";
      case FIELD -> "field";
      default -> e.getSimpleName().toString().startsWith("set") ? "setter" : e.getKind() == ElementKind.METHOD
          && ((ExecutableElement) e).getParameters().isEmpty() ? "getter" : "method";
    };
  }

  /** The type's {@code @JsonNaming}, else its package's, else names as in Java. */
  private JsonNaming.Policy policy(TypeElement type) {
    JsonNaming naming = type.getAnnotation(JsonNaming.class);
    if (naming == null) {
      naming = elements.getPackageOf(type).getAnnotation(JsonNaming.class);
    }
    return naming == null ? JsonNaming.Policy.IDENTITY : naming.value();
  }

  /**
   * {@code property} under {@code policy}: split into words where a lower-case letter or digit meets an
   * upper-case one, and before the last capital of a run that a lower-case letter follows ({@code fileURLValue}
   * → file, URL, Value).
   */
  static String apply(JsonNaming.Policy policy, String property) {
    if (policy == JsonNaming.Policy.IDENTITY) {
      return property;
    }
    List<String> words = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < property.length(); i++) {
      char before = property.charAt(i - 1);
      char c = property.charAt(i);
      boolean boundary = Character.isUpperCase(c) && (Character.isLowerCase(before) || Character.isDigit(before)
          || Character.isUpperCase(before) && i + 1 < property.length()
          && Character.isLowerCase(property.charAt(i + 1)));
      if (boundary || c == '_') {
        words.add(property.substring(start, i));
        start = c == '_' ? i + 1 : i;
      }
    }
    words.add(property.substring(start));
    words.removeIf(String::isEmpty);
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      switch (policy) {
        case SNAKE_CASE, KEBAB_CASE -> b.append(b.isEmpty() ? "" : policy == JsonNaming.Policy.SNAKE_CASE ? "_" : "-")
            .append(w.toLowerCase(Locale.ROOT));
        default -> b.append(w.substring(0, 1).toUpperCase(Locale.ROOT)).append(w.substring(1));
      }
    }
    return b.toString();
  }

  private void bean(TypeElement type, List<Named> props) throws Unsupported {
    String name = type.getQualifiedName().toString();
    if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
      throw new Unsupported(name + " is neither a record nor a concrete class");
    }
    boolean constructor = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      constructor |= c.getParameters().isEmpty() && c.getModifiers().contains(Modifier.PUBLIC);
    }
    if (!constructor) {
      throw new Unsupported(name + " needs a public no-argument constructor, or make it a record");
    }
    Map<String, ExecutableElement> getters = new java.util.LinkedHashMap<>();
    Map<String, ExecutableElement> setters = new HashMap<>();
    Map<String, VariableElement> fields = new HashMap<>();
    for (TypeElement t = type; t != null && !t.getQualifiedName().contentEquals("java.lang.Object"); ) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (!m.getModifiers().contains(Modifier.PUBLIC) || m.getModifiers().contains(Modifier.STATIC)) {
          continue;
        }
        String n = m.getSimpleName().toString();
        if (m.getParameters().isEmpty() && m.getReturnType().getKind() != TypeKind.VOID) {
          String property = n.startsWith("get") && n.length() > 3 ? n.substring(3)
              : n.startsWith("is") && n.length() > 2 && m.getReturnType().getKind() == TypeKind.BOOLEAN
              ? n.substring(2) : null;
          if (property != null) {
            getters.putIfAbsent(decapitalize(property), m);
          }
        } else if (m.getParameters().size() == 1 && n.startsWith("set") && n.length() > 3) {
          setters.putIfAbsent(decapitalize(n.substring(3)), m);
        }
      }
      for (VariableElement f : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (!f.getModifiers().contains(Modifier.STATIC)) {
          fields.putIfAbsent(f.getSimpleName().toString(), f);
        }
      }
      TypeMirror superclass = t.getSuperclass();
      t = superclass instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
    }
    Set<String> names = new java.util.LinkedHashSet<>(getters.keySet());
    names.addAll(setters.keySet());
    for (String p : names) {
      ExecutableElement get = getters.get(p);
      ExecutableElement set = setters.get(p);
      TypeMirror t = get != null ? get.getReturnType() : set.getParameters().get(0).asType();
      List<Element> named = new ArrayList<>();
      for (Element e : new Element[] {get, set, fields.get(p)}) {
        if (e != null) {
          named.add(e);
        }
      }
      props.add(new Named(p, json(t), get == null ? null : get.getSimpleName().toString(),
          set == null ? null : set.getSimpleName().toString(), zero(t), get != null ? get : set, named));
    }
  }

  private static String decapitalize(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
      return s; // URL stays URL, as java.beans has it
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  private static JsonType.Enumeration enumeration(TypeMirror t) {
    TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
    String first = e.getEnclosedElements().stream().filter(c -> c.getKind() == ElementKind.ENUM_CONSTANT)
        .map(c -> c.getSimpleName().toString()).findFirst().orElse(null);
    return new JsonType.Enumeration(e.getQualifiedName().toString(), ClassName.get(e), first);
  }

  private static boolean isEnum(TypeMirror t) {
    return t instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM;
  }

  /** The qualified name of a declared type, without type arguments; the text of any other type. */
  static String qualified(TypeMirror t) {
    return t instanceof DeclaredType d ? ((TypeElement) d.asElement()).getQualifiedName().toString() : t.toString();
  }
}
