package dev.stratus.template.link;

import dev.stratus.template.TemplateException;
import dev.stratus.template.yaml.TemplateYaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The processor's output: every annotated type's fragment in one file inside the class output, one YAML
 * document per type, each opened by {@code --- # binary.Name}. One file rather than one per type because
 * javac's Filer compares each file it creates with every one created before in the compilation.
 */
public final class FragmentFile {
  /** Where the file lives, relative to the class output. */
  public static final String PATH = "META-INF/stratus/fragments.yaml";
  /** Opens each type's document, followed by the type's binary name. */
  public static final String MARK = "--- # ";
  /** The file's first line when javac was told {@code -Astratus.limits=warn}, so that linking honours it too. */
  static final String LIMITS_AS_WARNINGS = "# stratus.limits=warn";

  private FragmentFile() {}

  /** The file's text for {@code fragments}, in the order given. */
  public static String write(Collection<Source> fragments, boolean limitsAsWarnings) {
    StringBuilder out = new StringBuilder(limitsAsWarnings ? LIMITS_AS_WARNINGS + "\n" : "");
    for (Source f : fragments) {
      out.append(MARK).append(f.name()).append('\n').append(TemplateYaml.write(f.template()));
    }
    return out.toString();
  }

  /** The fragments in {@code text}; an error names {@code file}, the type and the line in the file. */
  public static List<Source> read(String text, String file) {
    List<Chunk> chunks = new ArrayList<>();
    String[] lines = text.split("\n");
    Chunk chunk = null;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith(MARK)) {
        chunk = new Chunk(lines[i].substring(MARK.length()).strip(), i + 1, new StringBuilder());
        chunks.add(chunk);
      } else if (chunk != null) {
        chunk.body.append(lines[i]).append('\n');
      } else if (!lines[i].isBlank() && !(i == 0 && lines[i].equals(LIMITS_AS_WARNINGS))) {
        throw new TemplateException(file + ": expected '" + MARK + "<type>' before the first fragment", i + 1);
      }
    }
    return chunks.stream().map(c -> c.parse(file)).toList();
  }

  /**
   * The fragments under {@code classesDir}. One whose class file is gone (the type was deleted and the build
   * was incremental) is left out, so a deleted handler leaves the template.
   */
  public static List<Source> read(Path classesDir) {
    Path file = classesDir.resolve(PATH);
    if (!Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      return read(Files.readString(file), file.toString()).stream()
          .filter(f -> Files.exists(classesDir.resolve(f.name().replace('.', '/') + ".class")))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the compilation that wrote the fragments under {@code classesDir} took CloudFormation's limits as warnings. */
  public static boolean limitsAsWarnings(Path classesDir) {
    Path file = classesDir.resolve(PATH);
    try (java.io.BufferedReader r = Files.newBufferedReader(file)) {
      return LIMITS_AS_WARNINGS.equals(r.readLine());
    } catch (java.nio.file.NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One type's document; {@code markLine} is the line of its mark in the file. */
  private record Chunk(String name, int markLine, StringBuilder body) {
    Source parse(String file) {
      try {
        return new Source(name, TemplateYaml.read(body.toString()));
      } catch (TemplateException e) {
        int line = e.line() > 0 ? markLine + e.line() : 0;
        throw new TemplateException(file + ": " + name + ": " + e.getMessage(), line);
      }
    }
  }
}
