package dev.stratus.local;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where the local runtime's Node servers come from, so that {@code serve} runs from any folder: a given program
 * ({@code -Ddynalite.command}, {@code -Dkinesalite.command}), else the one that stratus-local's jar carries
 * (pinned by the repository's package-lock.json), unpacked once into the user's cache
 * ({@code ~/.cache/stratus/dynalite-…}).
 *
 * @param name the npm package, which is the bundle's name too
 * @param program the file node runs, inside the unpacked bundle
 * @param otherwise what the user can do instead when the jar carries no bundle
 */
record NodeInstall(String name, String version, String program, String otherwise) {
  static final NodeInstall DYNALITE = new NodeInstall("dynalite", "4.0.0", "node_modules/dynalite/cli.js",
      "pass --dynamodb-endpoint URL");
  /** Run through its module rather than its cli, which listens on every interface, not loopback alone. */
  static final NodeInstall KINESALITE = new NodeInstall("kinesalite", "3.3.3", "node_modules/kinesalite/index.js",
      "install kinesalite");

  String bundle() {
    return "/" + name + "/" + name + ".tgz";
  }

  Path program(PrintStream log) {
    String configured = System.getProperty(name + ".command");
    if (configured != null) {
      return Path.of(configured);
    }
    return UserCache.remembered(name, () -> unpack(log));
  }

  private Path unpack(PrintStream log) {
    byte[] bundle;
    try (InputStream in = NodeInstall.class.getResourceAsStream(bundle())) {
      if (in == null) {
        throw new LocalException("this stratus-local was built without " + name + " (run 'npm ci' before the"
            + " build), so " + otherwise + " or -D" + name + ".command=PATH");
      }
      bundle = in.readAllBytes();
    } catch (IOException e) {
      throw new LocalException("cannot read the bundled " + name + ": " + e.getMessage(), e);
    }
    Path dir = UserCache.root().resolve(name + "-" + version + "-" + UserCache.digest(bundle));
    Path cli = dir.resolve(program);
    if (Files.exists(cli)) {
      return cli;
    }
    log.println("stratus-local: unpacking " + name + " " + version + " into " + dir + " (once)");
    try {
      Files.createDirectories(dir.getParent());
      Path tmp = Files.createTempDirectory(dir.getParent(), "unpacking-");
      Path tgz = tmp.resolve(name + ".tgz");
      Files.write(tgz, bundle);
      Process tar = new ProcessBuilder("tar", "xzf", tgz.toString(), "-C", tmp.toString()).inheritIO().start();
      if (tar.waitFor() != 0) {
        throw new LocalException("tar could not unpack " + name + " into " + tmp);
      }
      Files.delete(tgz);
      try {
        Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException raced) {
        if (!Files.exists(cli)) {
          throw raced;
        }
      }
    } catch (IOException e) {
      throw new LocalException("cannot unpack " + name + " into " + dir + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalException("interrupted while unpacking " + name);
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
