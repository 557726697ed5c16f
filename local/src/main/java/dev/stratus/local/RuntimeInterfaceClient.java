package dev.stratus.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * AWS's Lambda runtime interface client, which function JVMs run: its jars, and its native library
 * unpacked once. Left to itself each JVM unpacks that library to the same fixed file in /tmp, and JVMs
 * starting together load each other's half-written copies and crash; the client reads this property first.
 */
final class RuntimeInterfaceClient {
  static final String NATIVE_LIBRARY_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
  static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";

  final List<Path> jars;
  final Path nativeLibrary;

  private RuntimeInterfaceClient(List<Path> jars, Path nativeLibrary) {
    this.jars = jars;
    this.nativeLibrary = nativeLibrary;
  }

  static RuntimeInterfaceClient in(Path dir) {
    List<Path> jars = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
    } catch (IOException e) {
      throw new LocalException("cannot read the Lambda runtime jars in " + dir + " (set -Dstratus.runtimeClasspath=DIR): "
          + e.getMessage());
    }
    String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
    String library = "/jni/libaws-lambda-jni.linux-" + (arch.contains("aarch64") || arch.contains("arm64")
        ? "aarch_64" : "x86_64") + ".so";
    try (URLClassLoader loader = new URLClassLoader(urls(jars), null);
        InputStream in = loader.getResourceAsStream(library.substring(1))) {
      if (in == null) {
        throw new LocalException("no " + library + " in the Lambda runtime jars of " + dir);
      }
      Path target = Files.createTempFile("stratus-lambda-jni", ".so");
      target.toFile().deleteOnExit();
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return new RuntimeInterfaceClient(List.copyOf(jars), target);
    } catch (IOException e) {
      throw new LocalException("cannot unpack the Lambda runtime's native library: " + e.getMessage(), e);
    }
  }

  private static URL[] urls(List<Path> jars) throws IOException {
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      urls[i] = jars.get(i).toUri().toURL();
    }
    return urls;
  }
}
