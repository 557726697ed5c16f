package dev.stratus.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the local runtime's dynalite comes from, so that {@code serve} runs from any folder: a given command
 * ({@code -Ddynalite.command}), else the dynalite that stratus-local's jar carries (pinned by the repository's
 * package-lock.json), unpacked once into the user's cache ({@code ~/.cache/stratus/dynalite-…}).
 */
final class DynaliteInstall {
  static final String BUNDLE = "/dynalite/dynalite.tgz";
  private static final String VERSION = "4.0.0";

  private DynaliteInstall() {}

  static Path command(PrintStream log) {
    String configured = System.getProperty("dynalite.command");
    if (configured != null) {
      return Path.of(configured);
    }
    byte[] bundle;
    try (InputStream in = DynaliteInstall.class.getResourceAsStream(BUNDLE)) {
      if (in == null) {
        throw new LocalException("this stratus-local was built without dynalite (run 'npm ci' before the build),"
            + " so pass --dynamodb-endpoint URL or -Ddynalite.command=PATH");
      }
      bundle = in.readAllBytes();
    } catch (IOException e) {
      throw new LocalException("cannot read the bundled dynalite: " + e.getMessage(), e);
    }
    Path dir = UserCache.root().resolve("dynalite-" + VERSION + "-" + UserCache.digest(bundle));
    Path cli = dir.resolve("node_modules/dynalite/cli.js");
    if (Files.isExecutable(cli)) {
      return cli;
    }
    log.println("stratus-local: unpacking dynalite " + VERSION + " into " + dir + " (once)");
    try {
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), "unpacking-");
      Path tgz = tmp.resolve("dynalite.tgz");
      Files.write(tgz, bundle);
      Process tar = new ProcessBuilder("tar", "xzf", tgz.toString(), "-C", tmp.toString()).inheritIO().start();
      if (tar.waitFor() != 0) {
        throw new LocalException("tar could not unpack dynalite into " + tmp);
      }
      Files.delete(tgz);
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.isExecutable(cli)) {
          throw raced;
        }
      }
    } catch (IOException e) {
      throw new LocalException("cannot unpack dynalite into " + dir + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalException("interrupted while unpacking dynalite");
    }
    return cli;
  }

  static boolean nodeOnPath() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && (Files.isExecutable(Path.of(dir, "node")) || Files.isExecutable(Path.of(dir, "node.exe")))) {
        return true;
      }
    }
    return false;
  }
}
