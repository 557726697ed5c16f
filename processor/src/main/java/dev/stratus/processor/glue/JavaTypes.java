package dev.stratus.processor.glue;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * A type as the glue's model writes it ({@code java.util.Optional<com.example.Shop.Item>}) as JavaPoet's
 * {@link TypeName}, so that the generated source imports what it names. A name's first capitalised part is its
 * class, as Java's conventions have it ({@code com.example.Shop.Item} is {@code Item} nested in {@code Shop}).
 */
final class JavaTypes {
  private JavaTypes() {}

  static TypeName of(String text) {
    int[] at = {0};
    TypeName t = parse(text.replace(" ", ""), at);
    if (at[0] != text.replace(" ", "").length()) {
      throw new IllegalArgumentException("not a type: " + text);
    }
    return t;
  }

  private static TypeName parse(String s, int[] at) {
    int start = at[0];
    while (at[0] < s.length() && "<>,[".indexOf(s.charAt(at[0])) < 0) {
      at[0]++;
    }
    String name = s.substring(start, at[0]);
    TypeName t = switch (name) {
      case "boolean" -> TypeName.BOOLEAN;
      case "byte" -> TypeName.BYTE;
      case "short" -> TypeName.SHORT;
      case "int" -> TypeName.INT;
      case "long" -> TypeName.LONG;
      case "char" -> TypeName.CHAR;
      case "float" -> TypeName.FLOAT;
      case "double" -> TypeName.DOUBLE;
      default -> ClassName.bestGuess(name);
    };
    if (at[0] < s.length() && s.charAt(at[0]) == '<') {
      List<TypeName> args = new ArrayList<>();
      do {
        at[0]++;
        args.add(parse(s, at));
      } while (s.charAt(at[0]) == ',');
      at[0]++; // '>'
      t = ParameterizedTypeName.get((ClassName) t, args.toArray(TypeName[]::new));
    }
    while (s.startsWith("[]", at[0])) {
      at[0] += 2;
      t = ArrayTypeName.of(t);
    }
    return t;
  }
}
