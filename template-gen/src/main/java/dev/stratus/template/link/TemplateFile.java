package dev.stratus.template.link;

import dev.stratus.template.Template;
import dev.stratus.template.TemplateException;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.yaml.TemplateYaml;
import dev.stratus.template.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A template read from a file (a base template, a template to validate), kept with its text so that a problem
 * in it is told as compilers tell theirs, {@code template.yaml:12:7: …}, which IDEs and terminals link.
 */
public record TemplateFile(Path file, String text, Template template) {

  /** Reads {@code file}; a {@link TemplateException} names the file, line and column of what does not parse. */
  public static TemplateFile read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new TemplateFile(file, text, TemplateYaml.read(text));
    } catch (TemplateException e) {
      throw new TemplateException(e.describe(file.toString()), e.line(), 0);
    }
  }

  public Source source() {
    return new Source(file.toString(), template);
  }

  /**
   * {@code "template.yaml:12:7"} for a problem about a section entry this file declares (a resource,
   * parameter, Globals section, …), at the deepest part of its path the file holds; null for one elsewhere.
   */
  public String locate(List<String> path) {
    if (path.size() < 2 || YamlReader.lineOf(text, path.subList(0, 2)) == 0) {
      return null;
    }
    YamlReader.Position p = YamlReader.position(text, path);
    return file + ":" + p.line() + ":" + p.column();
  }

  /** The problem with this file's location leading, when it lies in this file. */
  public String describe(Problem problem) {
    String at = locate(problem.path());
    return at == null ? problem.describe() : at + ": " + problem.describe();
  }
}
