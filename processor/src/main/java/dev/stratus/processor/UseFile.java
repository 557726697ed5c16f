package dev.stratus.processor;

import dev.stratus.template.connect.Use;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code @Use}s of every type, kept next to the fragments for incremental builds: a package's
 * {@code StackResources} is written from all its types' uses, also those of types not compiled this time.
 * One line a use: type, package, function, resource, variable (empty for the derived one), the resource's type
 * if a parameter names it (else empty), tab-separated.
 */
final class UseFile {
  static final String PATH = "META-INF/stratus/uses.tsv";

  private UseFile() {}

  /** The uses of each type, by binary name. */
  static String write(Map<String, List<UseRequest>> byType) {
    StringBuilder b = new StringBuilder();
    byType.forEach((type, uses) -> uses.forEach(u -> b.append(String.join("\t", type, u.packageName(), u.function(),
        u.use().resource(), u.use().env(), u.use().type())).append('\n')));
    return b.toString();
  }

  /**
   * The uses under {@code classes} of the types not in {@code compiled} whose class file is still there, by
   * type, without where they were written.
   */
  static Map<String, List<UseRequest>> read(Path classes, Collection<String> compiled) {
    Map<String, List<UseRequest>> out = new TreeMap<>();
    Path file = classes == null ? null : classes.resolve(PATH);
    if (file == null || !Files.isRegularFile(file)) {
      return out;
    }
    try {
      for (String line : Files.readAllLines(file)) {
        String[] f = line.split("\t", -1);
        if (f.length == 6 && !compiled.contains(f[0])
            && Files.exists(classes.resolve(f[0].replace('.', '/') + ".class"))) {
          out.computeIfAbsent(f[0], k -> new ArrayList<>())
              .add(new UseRequest(f[2], new Use(f[3], List.of(), List.of(), "", f[4], f[5]), f[1], null));
        }
      }
    } catch (IOException e) {
      return out; // an unreadable file is no worse than none: the next full build writes it again
    }
    return out;
  }
}
