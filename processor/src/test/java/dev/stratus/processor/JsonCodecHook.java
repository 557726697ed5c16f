package dev.stratus.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * What {@link StratusProcessor} does with {@code @JsonCodec} types once it calls {@link AnnotatedCodecs} (the
 * hook: {@code annotatedCodecs.read(round)} each round, each codec written once by name); until then the tests
 * run it beside the processor.
 */
final class JsonCodecHook extends AbstractProcessor {
  private AnnotatedCodecs codecs;
  private final Set<String> written = new HashSet<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    Reporter reporter = new Reporter(env.getMessager(), env.getElementUtils(), TreeLocator.of(env));
    codecs = new AnnotatedCodecs(env.getElementUtils(), reporter);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.stratus.annotations.JsonCodec");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (AnnotatedCodecs.Source s : codecs.read(round)) {
      if (written.add(s.name())) {
        try (Writer w = processingEnv.getFiler().createSourceFile(s.name(), s.origin()).openWriter()) {
          w.write(s.text());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return false;
  }
}
