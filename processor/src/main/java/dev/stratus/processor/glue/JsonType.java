package dev.stratus.processor.glue;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A Java type as the generated glue reads and writes it: the JDK types with a codec in the runtime, enums,
 * collections, and the records and beans the processor found, each with its properties. {@code java} is
 * the type as source text; {@link #typeName} the same for JavaPoet, exact about nesting.
 */
public sealed interface JsonType {
  String java();

  /** The type for JavaPoet ({@code $T}), boxed where {@link #java} is. */
  TypeName typeName();

  /** A type with a codec and a text conversion of its own in the runtime: {@code Codecs.LONG}, {@code Convert.LONG}. */
  record Simple(String java, String constant) implements JsonType {
    @Override
    public TypeName typeName() {
      return java.equals("byte[]") ? ArrayTypeName.of(TypeName.BYTE) : ClassName.bestGuess(java); // java.* types only
    }
  }

  /** {@code type} is the enum's class, exact about nesting; {@code first} its first constant, for samples. */
  record Enumeration(String java, ClassName type, String first) implements JsonType {
    @Override
    public TypeName typeName() {
      return type;
    }
  }

  /** {@code List} or {@code Set}. */
  record Collection(String java, boolean set, JsonType item) implements JsonType {
    @Override
    public TypeName typeName() {
      return ParameterizedTypeName.get(ClassName.get(set ? java.util.Set.class : java.util.List.class),
          item.typeName());
    }
  }

  /** A map with string keys. */
  record StringMap(String java, JsonType value) implements JsonType {
    @Override
    public TypeName typeName() {
      return ParameterizedTypeName.get(ClassName.get(java.util.Map.class), ClassName.get(String.class),
          value.typeName());
    }
  }

  record Optional(String java, JsonType value) implements JsonType {
    @Override
    public TypeName typeName() {
      return ParameterizedTypeName.get(ClassName.get(java.util.Optional.class), value.typeName());
    }
  }

  /** Anything JSON holds, as maps, lists and JDK values: {@code Object}. */
  record Any(String java) implements JsonType {
    @Override
    public TypeName typeName() {
      return ClassName.OBJECT;
    }
  }

  /**
   * A record (built through its canonical constructor) or a bean (a public no-argument constructor, setters
   * to read, getters to write). {@code name} is the simple name of its codec class, unique among the types of
   * one package: {@code Product_Codec}, {@code Jobs_Job_Codec}, or {@code com_other_Item_Codec} for a type of
   * another package. {@code type} is the type's class; {@code codec} the codec's, in the package of the
   * handlers or the {@code @JsonCodec} type it was read for.
   */
  record Structure(String java, String name, boolean record, List<Property> properties, ClassName type,
      ClassName codec) implements JsonType {
    @Override
    public TypeName typeName() {
      return type;
    }

    /**
     * Whether the codec has the name {@code dev.stratus.runtime.Json} looks for, {@code <Type>_Codec} in the
     * type's own package, and registers itself there.
     */
    public boolean conventional() {
      return type.packageName().equals(codec.packageName());
    }
  }

  /**
   * A member of a structure. {@code name} is its Java property name ({@code uploadedAt}), {@code json} its
   * member name in JSON ({@code uploaded_at}: {@code @JsonName}, else the naming policy). {@code getter} reads
   * it ({@code id()}, {@code getId()}), {@code setter} writes it on a bean (null when read-only, and for
   * records); {@code zero} is the value of a primitive left out ({@code 0L}), or {@code Optional.empty()}, or
   * null for other reference types.
   */
  record Property(String name, String json, JsonType type, String getter, String setter, String zero) {}
}
