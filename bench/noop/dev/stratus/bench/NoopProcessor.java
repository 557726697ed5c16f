package dev.stratus.bench;

import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/** The floor: a processor that visits every element carrying a Stratus annotation and its mirrors, and does nothing. */
public final class NoopProcessor extends AbstractProcessor {
  private int seen;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.stratus.annotations.*");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        seen += e.getAnnotationMirrors().size();
      }
    }
    return false;
  }
}
