package dev.stratus.template.maven;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.logging.Log;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * {@code stratus-local serve} of this plugin's version in a JVM of its own, for {@code stratus:run} and
 * {@code stratus:dev}: resolved as Maven resolves any artifact, stopped with Maven, and stopping by itself when
 * Maven is killed ({@code --exit-with-parent}), so that nothing outlives the build that started it. serve tunes
 * its own JVM (see stratus-local's {@code ServeJvm}).
 */
final class LocalRuntime {
  private final Process process;
  /** Called with serve's command once it has ended: keeps the class-data archive its JVM wrote. */
  private final Consumer<List<String>> ended;
  private final List<String> command;
  /** Stops serve when Maven is stopped (Ctrl-C). */
  private final Thread hook;

  private LocalRuntime(Process process, List<String> command, Consumer<List<String>> ended) {
    this.process = process;
    this.command = command;
    this.ended = ended;
    this.hook = new Thread(this::end);
    Runtime.getRuntime().addShutdownHook(hook);
  }

  static File jar(RepositorySystem system, RepositorySystemSession session, List<RemoteRepository> repositories,
      String version) throws MojoExecutionException {
    try {
      return system.resolveArtifact(session, new ArtifactRequest(
          new DefaultArtifact("dev.stratus", "stratus-local", "jar", version), repositories, null)).getArtifact().getFile();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("Stratus: cannot resolve dev.stratus:stratus-local:" + version + ": " + e.getMessage(), e);
    }
  }

  /**
   * Starts {@code serve} with {@code options}, its output this terminal's, in the JVM that stratus-local's
   * {@code ServeJvm} tunes for serve's start (C1, a class-data archive): asked for its command here, rather than
   * through {@code java -jar}, which would start a JVM only to start that one.
   */
  static LocalRuntime serve(File jar, List<String> options, Log log) throws MojoExecutionException {
    List<String> arguments = new ArrayList<>(List.of("serve", "--exit-with-parent"));
    arguments.addAll(options);
    List<String> command;
    Consumer<List<String>> ended;
    try {
      // left open: its class runs once more when serve has ended; the goal's JVM ends with the goal
      URLClassLoader local = new URLClassLoader(new URL[] {jar.toURI().toURL()}, ClassLoader.getPlatformClassLoader());
      Class<?> jvm = Class.forName("dev.stratus.local.ServeJvm", true, local);
      @SuppressWarnings("unchecked")
      List<String> tuned = (List<String>) jvm.getMethod("command", Path.class, List.class, List.class)
          .invoke(null, jar.toPath(), List.of(), arguments);
      command = tuned;
      Method kept = jvm.getMethod("kept", List.class);
      ended = c -> {
        try {
          kept.invoke(null, c);
        } catch (ReflectiveOperationException e) {
          log.debug("Stratus: serve's class-data archive not kept: " + e);
        }
      };
    } catch (ReflectiveOperationException | IOException | LinkageError e) {
      log.debug("Stratus: serve's JVM untuned: " + e);
      command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
          jar.getPath()));
      command.addAll(arguments);
      ended = c -> {};
    }
    log.info("Stratus: " + String.join(" ", command).replaceAll(" --classpath \\S+", " --classpath <dependencies>"));
    log.debug("Stratus: " + String.join(" ", command));
    try {
      return new LocalRuntime(new ProcessBuilder(command).inheritIO().start(), command, ended);
    } catch (IOException e) {
      throw new MojoExecutionException("Stratus: cannot start the local runtime: " + e.getMessage(), e);
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Waits for serve to end; whether it ended well: by itself, or stopped by a signal (Ctrl-C reaches the
   * terminal's whole process group, serve with Maven).
   */
  boolean await() throws InterruptedException {
    try {
      int code = process.waitFor();
      return code == 0 || code == 128 + 2 || code == 128 + 15;
    } finally {
      ended.accept(command);
      unhook();
    }
  }

  /** serve's exit code, once it has ended. */
  int exitCode() {
    return process.exitValue();
  }

  /** Asks serve to stop (its shutdown hook stops what it started) and waits for it. */
  void stop() {
    end();
    unhook();
  }

  private void unhook() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it stops the runtime
    }
  }

  private void end() {
    process.destroy();
    try {
      process.waitFor();
      ended.accept(command);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** {@code -Dstratus.args}, split on blanks; Maven hands an unset property with an empty default as null. */
  static List<String> options(String args) {
    List<String> out = new ArrayList<>();
    for (String a : (args == null ? "" : args).trim().split("\\s+")) {
      if (!a.isEmpty()) {
        out.add(a);
      }
    }
    return out;
  }
}
