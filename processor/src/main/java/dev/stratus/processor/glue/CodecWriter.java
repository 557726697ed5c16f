package dev.stratus.processor.glue;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.stratus.processor.glue.JsonType.Structure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes the codec class of each record and bean the typed methods of a package read or write, or that is
 * annotated {@code @JsonCodec}: JSON read and written by generated code, no reflection. The class is small on
 * purpose (one {@code case} and one {@code member} call per property); what all codecs share is in the runtime
 * ({@code Codecs}, {@code JsonWriter.member}, which leaves absent values out).
 */
public final class CodecWriter {
  private static final String RUNTIME = "dev.stratus.runtime";
  private static final ClassName CODEC = ClassName.get(RUNTIME, "Codec");
  private static final ClassName CODECS = ClassName.get(RUNTIME, "Codecs");
  private static final ClassName JSON = ClassName.get(RUNTIME, "Json");
  private static final ClassName READER = ClassName.get(RUNTIME, "JsonReader");
  private static final ClassName WRITER = ClassName.get(RUNTIME, "JsonWriter");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName OPTIONAL = ClassName.get(java.util.Optional.class);
  private static final String INSTANCE = "INSTANCE";

  /** Every structure read or written, nested ones too, by type (see {@link #structures}). */
  private final Map<String, Structure> structures = new LinkedHashMap<>();

  private CodecWriter() {}

  /** Every structure {@code m} reads or writes, nested ones too: each needs its codec class. */
  public static List<Structure> structures(TypedMethod m) {
    CodecWriter w = new CodecWriter();
    for (Param p : m.params()) {
      if (p.type() != null) {
        w.collect(p.type());
      }
    }
    if (m.result().type() != null) {
      w.collect(m.result().type());
    }
    return List.copyOf(w.structures.values());
  }

  /** Every structure {@code t} is or holds, nested ones too: what a {@code @JsonCodec} type needs generated. */
  public static List<Structure> structures(JsonType t) {
    CodecWriter w = new CodecWriter();
    w.collect(t);
    return List.copyOf(w.structures.values());
  }

  /**
   * The source of {@code s}'s codec class, in {@code packageName}: shared by every handler there that reads or
   * writes it, so a thousand handlers of one record compile one codec.
   */
  public static String codec(String packageName, Structure s) {
    return codecFile(packageName, s).toString();
  }

  /** {@link #codec} as JavaPoet's file. */
  public static JavaFile codecFile(String packageName, Structure s) {
    return JavaFile.builder(packageName, codecClass(s)).indent("  ").skipJavaLangImports(true).build();
  }

  /** The expression of {@code t}'s codec, for a field initialiser: {@code Codecs.list(Product_Codec.INSTANCE)}. */
  public static CodeBlock codeOf(JsonType t) {
    if (t instanceof JsonType.Simple s) {
      return CodeBlock.of("$T.$N", CODECS, s.constant());
    } else if (t instanceof JsonType.Enumeration e) {
      return CodeBlock.of("$T.enumeration($T.values())", CODECS, e.type());
    } else if (t instanceof JsonType.Collection c) {
      return CodeBlock.of("$T.$N($L)", CODECS, c.set() ? "set" : "list", codeOf(c.item()));
    } else if (t instanceof JsonType.StringMap map) {
      return CodeBlock.of("$T.map($L)", CODECS, codeOf(map.value()));
    } else if (t instanceof JsonType.Optional o) {
      return CodeBlock.of("$T.optional($L)", CODECS, codeOf(o.value()));
    } else if (t instanceof Structure s) {
      return CodeBlock.of("$T.$N", s.codec(), INSTANCE);
    }
    return CodeBlock.of("$T.ANY", CODECS);
  }

  /**
   * The expression of {@code t}'s codec as text, for glue that imports {@code dev.stratus.runtime.Codecs} and
   * lives in the codecs' package; {@link #codeOf} is the same for JavaPoet.
   */
  static String expression(JsonType t) {
    if (t instanceof JsonType.Simple s) {
      return "Codecs." + s.constant();
    } else if (t instanceof JsonType.Enumeration e) {
      return "Codecs.enumeration(" + e.java() + ".values())";
    } else if (t instanceof JsonType.Collection c) {
      return "Codecs." + (c.set() ? "set" : "list") + "(" + expression(c.item()) + ")";
    } else if (t instanceof JsonType.StringMap map) {
      return "Codecs.map(" + expression(map.value()) + ")";
    } else if (t instanceof JsonType.Optional o) {
      return "Codecs.optional(" + expression(o.value()) + ")";
    } else if (t instanceof Structure s) {
      return s.name() + ".INSTANCE";
    }
    return "Codecs.ANY";
  }

  private static TypeSpec codecClass(Structure s) {
    ClassName self = s.codec();
    TypeName type = s.type();
    TypeSpec.Builder c = TypeSpec.classBuilder(self)
        .addJavadoc("JSON of {@link $T}, without reflection: generated by Stratus.\n", type)
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", "dev.stratus.processor.StratusProcessor")
            .build())
        .addModifiers(Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(CODEC, type))
        .addField(FieldSpec.builder(self, INSTANCE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", self).build());
    // Composite codecs once per class, not once per value; safe in static fields: no structure refers to itself.
    NameAllocator constants = new NameAllocator();
    constants.newName(INSTANCE, INSTANCE);
    Map<String, CodeBlock> codecs = new LinkedHashMap<>();
    for (JsonType.Property p : s.properties()) {
      CodeBlock codec = codeOf(p.type());
      if (!(p.type() instanceof JsonType.Simple) && !(p.type() instanceof Structure)) {
        String field = constants.newName(constantName(p.name()), p);
        c.addField(FieldSpec.builder(ParameterizedTypeName.get(CODEC, p.type().typeName()), field, Modifier.PRIVATE,
            Modifier.STATIC, Modifier.FINAL).initializer(codec).build());
        codec = CodeBlock.of("$N", field);
      }
      codecs.put(p.name(), codec);
    }
    if (s.conventional()) {
      // So that dev.stratus.runtime.Json finds it: it loads this class by name, which runs this.
      c.addStaticBlock(CodeBlock.of("$T.register($T.class, $N);\n", JSON, s.type(), INSTANCE));
    }
    return c.addMethod(read(s, codecs)).addMethod(write(s, codecs)).build();
  }

  private static MethodSpec read(Structure s, Map<String, CodeBlock> codecs) {
    NameAllocator names = new NameAllocator();
    names.newName("in", "in");
    names.newName("value", "value");
    CodeBlock.Builder b = CodeBlock.builder()
        .beginControlFlow("if (in.isNull())")
        .addStatement("in.nul()")
        .addStatement("return null")
        .endControlFlow();
    List<JsonType.Property> read = new ArrayList<>();
    for (JsonType.Property p : s.properties()) {
      if (s.record()) {
        b.addStatement("$T $N = null", p.type().typeName(), names.newName(p.name(), p));
        read.add(p);
      } else if (p.setter() != null) {
        read.add(p);
      }
    }
    if (!s.record()) {
      b.addStatement("$T value = new $T()", s.type(), s.type());
    }
    List<String> members = new ArrayList<>();
    read.forEach(p -> members.add(p.json()));
    if (members.isEmpty()) {
      b.addStatement("in.beginObject()");
    } else { // a mistake names the members: expected an object (name, size) but found '['
      b.addStatement("in.beginObject($S)", String.join(", ", members));
    }
    b.beginControlFlow("while (in.hasNext())");
    if (read.isEmpty()) {
      b.addStatement("in.name()").addStatement("in.skip()");
    } else {
      b.beginControlFlow("switch (in.name())");
      for (JsonType.Property p : read) {
        CodeBlock codec = codecs.get(p.name());
        if (s.record()) {
          b.addStatement("case $S -> $N = $L.read(in)", p.json(), names.get(p), codec);
        } else if (p.zero() == null) {
          b.addStatement("case $S -> value.$N($L.read(in))", p.json(), p.setter(), codec);
        } else { // a primitive, or an Optional: left as the bean has it when absent or null
          String v = names.newName(p.name(), p);
          b.beginControlFlow("case $S ->", p.json())
              .addStatement("$T $N = $L.read(in)", p.type().typeName(), v, codec)
              .beginControlFlow("if ($N != null)", v)
              .addStatement("value.$N($N)", p.setter(), v)
              .endControlFlow()
              .endControlFlow();
        }
      }
      b.addStatement("default -> in.skip()").endControlFlow();
    }
    b.endControlFlow().addStatement("in.endObject()");
    if (s.record()) {
      List<CodeBlock> args = new ArrayList<>();
      for (JsonType.Property p : s.properties()) {
        args.add(p.zero() == null ? CodeBlock.of("$N", names.get(p))
            : CodeBlock.of("$N == null ? $L : $N", names.get(p), zero(p), names.get(p)));
      }
      b.addStatement("return new $T($L)", s.type(), CodeBlock.join(args, ", "));
    } else {
      b.addStatement("return value");
    }
    return MethodSpec.methodBuilder("read").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(s.type()).addParameter(READER, "in").addCode(b.build()).build();
  }

  private static MethodSpec write(Structure s, Map<String, CodeBlock> codecs) {
    CodeBlock.Builder b = CodeBlock.builder()
        .beginControlFlow("if (value == null)")
        .addStatement("out.nul()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("out.beginObject()");
    for (JsonType.Property p : s.properties()) {
      if (p.getter() != null) {
        b.addStatement("out.member($S, $L, value.$N())", p.json(), codecs.get(p.name()), p.getter());
      }
    }
    b.addStatement("out.endObject()");
    return MethodSpec.methodBuilder("write").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .addParameter(WRITER, "out").addParameter(s.type(), "value").addCode(b.build()).build();
  }

  /** A property's value when the JSON leaves it out or says null: a primitive's zero, an empty Optional. */
  private static CodeBlock zero(JsonType.Property p) {
    return p.type() instanceof JsonType.Optional ? CodeBlock.of("$T.empty()", OPTIONAL) : CodeBlock.of("$L", p.zero());
  }

  private void collect(JsonType t) {
    if (t instanceof Structure s) {
      if (structures.putIfAbsent(s.java(), s) == null) {
        s.properties().forEach(p -> collect(p.type()));
      }
    } else if (t instanceof JsonType.Collection c) {
      collect(c.item());
    } else if (t instanceof JsonType.StringMap map) {
      collect(map.value());
    } else if (t instanceof JsonType.Optional o) {
      collect(o.value());
    }
  }

  /** {@code createdAt} → {@code CREATED_AT}. */
  private static String constantName(String property) {
    return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
  }
}
