package dev.stratus.local;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The user's cache ({@code $XDG_CACHE_HOME/stratus} or {@code ~/.cache/stratus}), where what stratus-local's jar
 * carries — dynalite, the Lambda runtime's jars — is unpacked once, so that the jar runs from any folder.
 */
final class UserCache {
  private UserCache() {}

  static Path root() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    return (xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache"))
        .resolve("stratus");
  }

  static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * What {@code find} answers for {@code name}, asked once per build of this program's jar: later starts read the
   * answer from the cache instead of opening the 100 MB jar (its directory alone takes a few tenths of a second).
   */
  static Path remembered(String name, java.util.function.Supplier<Path> find) {
    Path location = location();
    if (Files.isDirectory(location)) {
      return find.get();
    }
    try {
      String jar = location + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
      Path note = root().resolve(name + "-" + digest(jar.getBytes(StandardCharsets.UTF_8)) + ".path");
      if (Files.isRegularFile(note)) {
        Path known = Path.of(Files.readString(note, StandardCharsets.UTF_8));
        if (Files.exists(known)) {
          return known;
        }
      }
      Path found = find.get();
      Files.createDirectories(root());
      Path tmp = Files.createTempFile(root(), "remembering-", ".tmp");
      Files.writeString(tmp, found.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, note, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return found;
    } catch (IOException e) {
      return find.get();
    }
  }

  static Path location() {
    try {
      return Path.of(UserCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new LocalException("cannot locate stratus-local's own jar: " + e.getMessage(), e);
    }
  }

  /**
   * The folder {@code name} of this program's classes: itself when they are a folder (a build's
   * {@code target/classes}), else a copy in the cache of the jar's entries, made once per set of file names.
   */
  static Path unpacked(String name) {
    return remembered(name, () -> unpack(name));
  }

  private static Path unpack(String name) {
    Path location = location();
    if (Files.isDirectory(location)) {
      return location.resolve(name);
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      List<Path> entries;
      try (Stream<Path> files = Files.list(jar.getPath("/" + name))) {
        entries = files.sorted().toList();
      }
      Path dir = root().resolve(name + "-" + digest(String.join(",", entries.stream().map(Path::toString).toList())
          .getBytes(StandardCharsets.UTF_8)));
      Files.createDirectories(dir);
      for (Path entry : entries) {
        Path target = dir.resolve(entry.getFileName().toString());
        if (!Files.exists(target)) {
          Path tmp = Files.createTempFile(dir, "unpacking-", ".tmp");
          Files.copy(entry, tmp, StandardCopyOption.REPLACE_EXISTING);
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new LocalException("cannot unpack " + name + " from " + location + " into " + root() + ": " + e.getMessage(), e);
    }
  }
}
