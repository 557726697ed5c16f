package dev.stratus.processor;

import dev.stratus.annotations.JsonCodec;
import dev.stratus.processor.glue.CodecWriter;
import dev.stratus.processor.glue.JsonType;
import dev.stratus.template.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * The codecs of the types annotated {@code @JsonCodec}, which no typed method may use: generated in the type's
 * own package under the name {@code dev.stratus.runtime.Json} looks for ({@code <Type>_Codec}), with those of
 * the records and beans it holds. A typed method of that package that uses the type needs the same class, so
 * the processor writes each codec once, whichever asks first. A type that cannot have a codec is reported on
 * it ({@link Diagnostic#InvalidJsonCodecType}), as are naming mistakes on their property.
 */
final class AnnotatedCodecs {
  /** A codec class to write: its qualified name, its source, and the annotated type it is made for. */
  record Source(String name, String text, Element origin) {}

  private final Elements elements;
  private final Reporter reporter;

  AnnotatedCodecs(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** The codec classes of the round's {@code @JsonCodec} types; none for a type with a mistake. */
  List<Source> read(RoundEnvironment round) {
    List<Source> out = new ArrayList<>();
    for (Element e : round.getElementsAnnotatedWith(JsonCodec.class)) {
      if (e instanceof TypeElement type) {
        out.addAll(read(type));
      }
    }
    return out;
  }

  /** The codec classes of {@code type}, or none when it cannot have one (reported). */
  List<Source> read(TypeElement type) {
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    int errors = reporter.errorCount();
    JsonType json;
    try {
      if (type.getKind() == ElementKind.ENUM) {
        throw new TypeReader.Unsupported("an enum needs no codec of its own: it is written by its constants' names,"
            + " and Json reads and writes it so; remove @JsonCodec");
      }
      json = new TypeReader(elements, pkg, reporter).json(type.asType());
    } catch (TypeReader.Unsupported e) {
      reporter.reportOn(type, mirror(type), Diagnostic.InvalidJsonCodecType, type.getSimpleName(), e.getMessage());
      return List.of();
    }
    if (reporter.errorCount() > errors) {
      return List.of();
    }
    List<Source> out = new ArrayList<>();
    for (JsonType.Structure s : CodecWriter.structures(json)) {
      out.add(new Source(s.codec().canonicalName(), CodecWriter.codec(pkg, s), type));
    }
    return out;
  }

  private static AnnotationMirror mirror(TypeElement type) {
    for (AnnotationMirror m : type.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(JsonCodec.class.getName())) {
        return m;
      }
    }
    return null;
  }
}
