package dev.stratus.processor;

import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Message;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.diagnostics.Severity;
import dev.stratus.template.link.TemplateFile;
import dev.stratus.template.yaml.YamlReader;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic.Kind;

/** The one way the processor speaks: wraps the Messager, counts errors, points at element, annotation and value. */
final class Reporter {
  private final Messager messager;
  private final Elements elements;
  private final TreeLocator trees;
  private int errors;
  /** What {@link #reportOn} printed, by element and message: a type read for several methods is reported once. */
  private final java.util.Set<String> printed = new java.util.HashSet<>();

  Reporter(Messager messager, Elements elements, TreeLocator trees) {
    this.messager = messager;
    this.elements = elements;
    this.trees = trees;
  }

  /** Reports on {@code at}, found afresh in the current round; {@code null} means the compilation. */
  void report(Origin at, Diagnostic diagnostic, Object... args) {
    report(at, diagnostic.with(args));
  }

  /**
   * Reports on {@code element} of the current round (a record component, a bean's getter, setter or field, a
   * type), on {@code annotation} when it is given: for what is read while the element is at hand. The same
   * message on the same element is printed once, and counted each time, so that every reader of a type sees
   * the error.
   */
  void reportOn(Element element, AnnotationMirror annotation, Diagnostic diagnostic, Object... args) {
    String message = diagnostic.with(args).tagged();
    boolean error = diagnostic.severity() == Severity.ERROR;
    if (!printed.add(element.getEnclosingElement() + "#" + element + "#" + message)) {
      errors += error ? 1 : 0;
      return;
    }
    Kind kind = error ? Kind.ERROR : Kind.WARNING;
    errors += error ? 1 : 0;
    if (annotation != null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element);
    }
  }

  void report(Origin at, Message message) {
    print(message.diagnostic().severity(), at, message.tagged());
  }

  /**
   * Reports a template problem on whatever declared the most specific part of its path. A problem of the
   * template as a whole (a limit) is reported on the compilation, as is one in the base template's own
   * content, led by its file, line and column.
   */
  void report(Problem problem, Map<List<String>, Origin> origins, TemplateFile base) {
    List<String> path = problem.path();
    for (int n = path.size(); n > 0; n--) {
      Origin origin = origins.get(path.subList(0, n));
      if (origin != null) {
        String where = lineInText(origin, path.subList(n, path.size()));
        print(problem.severity(), origin, where == null ? problem.message().tagged()
            : problem.diagnostic().tag() + " " + where + ": " + problem.text());
        return;
      }
    }
    String inBase = base == null ? null : base.locate(path);
    if (inBase != null) {
      print(problem.severity(), null, inBase + ": " + problem.describe());
    } else if (path.size() <= 1) {
      print(problem.severity(), null, problem.message().tagged());
    }
  }

  /**
   * {@code line 3 of properties: 'VisibilityTimout: 30'} when {@code rest} lies inside a multi-line text value,
   * where javac can only point at the value's first line; null otherwise.
   */
  private String lineInText(Origin at, List<String> rest) {
    AnnotationView.Location l = rest.isEmpty() || at.attribute() == null ? null : AnnotationView.locate(at, elements);
    if (l == null || l.value() == null || !(l.value().getValue() instanceof String text) || !text.contains("\n")) {
      return null;
    }
    int line = YamlReader.lineOf(text, rest);
    return line <= 0 ? null : "line " + line + " of " + at.attribute() + ": '" + text.split("\n", -1)[line - 1].strip()
        + "'";
  }

  private void print(Severity severity, Origin at, String message) {
    Kind kind = severity == Severity.ERROR ? Kind.ERROR : Kind.WARNING;
    if (kind == Kind.ERROR) {
      errors++;
    }
    AnnotationView.Location l = at == null ? null : AnnotationView.locate(at, elements);
    if (l != null && trees.print(kind, message, l.element(), at)) {
      return;
    }
    if (l == null || l.element() == null) {
      messager.printMessage(kind, message);
    } else if (l.value() != null) {
      messager.printMessage(kind, message, l.element(), l.annotation(), l.value());
    } else if (l.annotation() != null) {
      messager.printMessage(kind, message, l.element(), l.annotation());
    } else {
      messager.printMessage(kind, message, l.element());
    }
  }

  int errorCount() {
    return errors;
  }
}
