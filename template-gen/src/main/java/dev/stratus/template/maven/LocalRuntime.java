package dev.stratus.template.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
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
 * Maven is killed ({@code --exit-with-parent}), so that nothing outlives the build that started it.
 */
final class LocalRuntime {
  private final Process process;
  /** Stops serve when Maven is stopped (Ctrl-C). */
  private final Thread hook;
  /** The class-data archive this run writes at its exit, and where it goes then; null when it reads one. */
  private final Path writing;
  private final Path archive;

  private LocalRuntime(Process process, Path writing, Path archive) {
    this.process = process;
    this.writing = writing;
    this.archive = archive;
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

  /** Starts {@code serve} with {@code options}, its output this terminal's. */
  static LocalRuntime serve(File jar, List<String> options, Log log) throws MojoExecutionException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    Path archive = archive(jar);
    Path writing = null;
    // serve's start is class loading and code run once: from a class-data archive of its own classes, and compiled
    // by C1 alone, it is ready in 1.5 s rather than 3.7 (bench/RESULTS.md). The first run writes the archive.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xlog:cds=off,cds+dynamic=off");
    if (archive != null && Files.isRegularFile(archive)) {
      command.add("-XX:SharedArchiveFile=" + archive);
    } else if (archive != null && Runtime.version().feature() >= 19) {
      command.addAll(List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + archive));
    } else if (archive != null) {
      writing = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid());
      command.add("-XX:ArchiveClassesAtExit=" + writing);
    }
    command.addAll(List.of("-jar", jar.getPath(), "serve", "--exit-with-parent"));
    command.addAll(options);
    log.info("Stratus: " + String.join(" ", command).replaceAll(" --classpath \\S+", " --classpath <dependencies>"));
    log.debug("Stratus: " + String.join(" ", command));
    try {
      return new LocalRuntime(new ProcessBuilder(command).inheritIO().start(), writing, archive);
    } catch (IOException e) {
      throw new MojoExecutionException("Stratus: cannot start the local runtime: " + e.getMessage(), e);
    }
  }

  /**
   * Where serve's class-data archive for {@code jar} and this Java is kept ({@code ~/.cache/stratus/cds}); null when
   * that folder cannot be made. The name changes with the jar's path, size and time and with the Java, so that a
   * rebuilt stratus-local or another JDK never meets an archive it does not match.
   */
  static Path archive(File jar) {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path dir = (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
        .resolve("stratus").resolve("cds");
    try {
      Files.createDirectories(dir);
      return dir.resolve("serve-" + digest(jar.getAbsolutePath() + ":" + System.getProperty("java.home") + ":"
          + System.getProperty("java.vm.version")) + "-" + digest(jar.length() + ":" + jar.lastModified()) + ".jsa");
    } catch (IOException e) {
      return null;
    }
  }

  private static String digest(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
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
      kept();
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
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    kept();
  }

  /** The archive serve wrote as it exited, put where the next run reads it: whole, since the JVM that wrote it ended. */
  private void kept() {
    if (writing == null || process.isAlive()) {
      return;
    }
    try {
      if (Files.isRegularFile(writing) && Files.size(writing) > 0) {
        Files.move(writing, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        // the archives of this jar's earlier builds (75 MB each) are of no more use
        String name = archive.getFileName().toString();
        String jar = name.substring(0, name.lastIndexOf('-') + 1);
        try (java.util.stream.Stream<Path> old = Files.list(archive.getParent())) {
          for (Path p : old.filter(p -> p.getFileName().toString().startsWith(jar) && !p.equals(archive)).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
      Files.deleteIfExists(writing);
    } catch (IOException e) {
      // the next run writes one again
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
