package dev.stratus.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** The test handlers as the jar a template's {@code CodeUri: handlers.jar} names. */
final class TestHandlersJar {
  private TestHandlersJar() {}

  static void write(Path dir) throws IOException {
    Path classes = Path.of(System.getProperty("test.classes", "target/test-classes"));
    try (OutputStream file = Files.newOutputStream(dir.resolve("handlers.jar"));
        JarOutputStream jar = new JarOutputStream(file);
        Stream<Path> all = Files.walk(classes.resolve("dev/stratus/local/handlers"))) {
      for (Path c : all.filter(p -> p.toString().endsWith(".class")).toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(c).toString().replace('\\', '/')));
        jar.write(Files.readAllBytes(c));
        jar.closeEntry();
      }
    }
  }
}
