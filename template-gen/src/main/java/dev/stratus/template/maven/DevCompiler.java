package dev.stratus.template.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac in this JVM over all of a project's sources, its annotation processors loaded once: from the second
 * compile on, javac and the processors run warm, and a save costs a fraction of {@code mvn compile}. Everything
 * is compiled each time, into a fresh folder: no class of a deleted or changed file is left to serve.
 */
final class DevCompiler implements AutoCloseable {
  /** A compile's result: whether it made classes, and what javac said (errors and warnings), as Maven prints them. */
  record Outcome(int sources, boolean ok, List<String> errors, List<String> warnings) {}

  private final JavaCompiler javac;
  private final StandardJavaFileManager files;
  private final List<String> options;
  private final URLClassLoader processorLoader;

  /**
   * @param processorPath the processors' jars; empty, they are looked for on {@code classpath}, as javac does
   */
  DevCompiler(List<Path> classpath, List<Path> processorPath, List<String> options, Charset encoding) {
    javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException("Maven runs on a JRE without javac; run it on a JDK");
    }
    files = javac.getStandardFileManager(null, Locale.ROOT, encoding);
    try {
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, classpath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.options = options;
    List<URL> urls = new ArrayList<>();
    for (Path p : processorPath.isEmpty() ? classpath : processorPath) {
      try {
        urls.add(p.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException(p + ": " + e.getMessage(), e);
      }
    }
    // The platform loader as parent: the processors see javac's API, not this plugin's classes.
    processorLoader = new URLClassLoader("stratus-dev-processors", urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader());
  }

  /** Compiles every {@code .java} under {@code roots} into {@code classes} and {@code generated}, both emptied first. */
  Outcome compile(List<Path> roots, Path classes, Path generated) throws IOException {
    clear(classes);
    clear(generated);
    List<Path> sources = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(p -> p.toString().endsWith(".java") && Files.isRegularFile(p)).sorted().forEach(sources::add);
        }
      }
    }
    if (sources.isEmpty()) {
      return new Outcome(0, true, List.of(), List.of());
    }
    files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
    files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
    DiagnosticCollector<JavaFileObject> said = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task = javac.getTask(null, files, said, options, null,
        files.getJavaFileObjectsFromPaths(sources));
    List<Processor> processors = new ArrayList<>();
    ServiceLoader.load(Processor.class, processorLoader).forEach(processors::add);
    task.setProcessors(processors);
    boolean ok = task.call();
    files.flush();
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : said.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors.add(describe(d));
      } else if (d.getKind() == Diagnostic.Kind.WARNING || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING) {
        warnings.add(describe(d));
      }
    }
    return new Outcome(sources.size(), ok && errors.isEmpty(), errors, warnings);
  }

  /** As maven-compiler-plugin prints one: {@code /path/File.java:[12,5] message}. */
  static String describe(Diagnostic<? extends JavaFileObject> d) {
    String message = d.getMessage(Locale.ROOT);
    if (d.getSource() == null) {
      return message;
    }
    String where = Path.of(d.getSource().toUri()).toString();
    return d.getLineNumber() < 0 ? where + " " + message
        : where + ":[" + d.getLineNumber() + "," + d.getColumnNumber() + "] " + message;
  }

  /** Deletes {@code dir} and what it holds, if it exists. */
  static void delete(Path dir) throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> walk = Files.walk(dir)) {
        for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  private static void clear(Path dir) throws IOException {
    delete(dir);
    Files.createDirectories(dir);
  }

  @Override
  public void close() throws IOException {
    files.close();
    processorLoader.close();
  }
}
