package dev.stratus.processor;

import dev.stratus.processor.glue.JsonType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Reads a Java type into the {@link JsonType} the generated glue handles, or says why it cannot: a typed
 * method's types are checked here, at compile time, so the glue never meets a type it cannot read.
 * One instance per method, so that the codec names of its structures are unique.
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

  TypeReader(javax.lang.model.util.Elements elements, String packageName) {
    this.elements = elements;
    this.packageName = packageName;
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
      return new JsonType.Enumeration(qualified(t));
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
      return new JsonType.Enumeration(name);
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
    List<JsonType.Property> props = new ArrayList<>();
    boolean record = type.getKind() == ElementKind.RECORD;
    if (record) {
      for (RecordComponentElement c : type.getRecordComponents()) {
        props.add(new JsonType.Property(c.getSimpleName().toString(), json(c.asType()), c.getSimpleName().toString(),
            null, zero(c.asType())));
      }
    } else {
      bean(type, props);
    }
    inProgress.remove(name);
    // Named by the type, within the handlers' package: one codec class per type and package, shared.
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    String codec = (pkg.equals(packageName) && !pkg.isEmpty() ? name.substring(pkg.length() + 1) : name)
        .replace('.', '_') + "_Codec";
    JsonType.Structure s = new JsonType.Structure(name, codec, record, props);
    structures.put(name, s);
    return s;
  }

  private void bean(TypeElement type, List<JsonType.Property> props) throws Unsupported {
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
      TypeMirror superclass = t.getSuperclass();
      t = superclass instanceof DeclaredType d ? (TypeElement) d.asElement() : null;
    }
    Set<String> names = new java.util.LinkedHashSet<>(getters.keySet());
    names.addAll(setters.keySet());
    for (String p : names) {
      ExecutableElement get = getters.get(p);
      ExecutableElement set = setters.get(p);
      TypeMirror t = get != null ? get.getReturnType() : set.getParameters().get(0).asType();
      props.add(new JsonType.Property(p, json(t), get == null ? null : get.getSimpleName().toString(),
          set == null ? null : set.getSimpleName().toString(), zero(t)));
    }
  }

  private static String decapitalize(String s) {
    if (s.length() > 1 && Character.isUpperCase(s.charAt(1))) {
      return s; // URL stays URL, as java.beans has it
    }
    return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }

  private static boolean isEnum(TypeMirror t) {
    return t instanceof DeclaredType d && d.asElement().getKind() == ElementKind.ENUM;
  }

  /** The qualified name of a declared type, without type arguments; the text of any other type. */
  static String qualified(TypeMirror t) {
    return t instanceof DeclaredType d ? ((TypeElement) d.asElement()).getQualifiedName().toString() : t.toString();
  }
}
