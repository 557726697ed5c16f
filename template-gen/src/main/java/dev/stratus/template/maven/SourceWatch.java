package dev.stratus.template.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files under some folders, and some single files, as last seen (time and size): a save, a new file or a
 * deleted one shows as a difference. Polled rather than watched: Java's WatchService polls on macOS anyway, and
 * a walk of a project's sources takes a millisecond. Editors' hidden and backup files are not looked at.
 */
final class SourceWatch {
  private final List<Path> roots;
  private Map<Path, String> seen;

  SourceWatch(List<Path> roots) {
    this.roots = List.copyOf(roots);
    this.seen = snapshot();
  }

  /**
   * Whether anything changed since the last call, waiting for it to settle: an editor writes a file in steps
   * (a temporary file, a rename), and a refactoring saves several.
   */
  boolean changed() throws InterruptedException {
    Map<Path, String> now = snapshot();
    if (now.equals(seen)) {
      return false;
    }
    for (Map<Path, String> previous = null; !now.equals(previous); now = snapshot()) {
      previous = now;
      Thread.sleep(SETTLE_MILLIS);
    }
    seen = now;
    return true;
  }

  static final long SETTLE_MILLIS = 50;

  private Map<Path, String> snapshot() {
    Map<Path, String> out = new TreeMap<>();
    for (Path root : roots) {
      if (!Files.exists(root)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> !ignored(p.getFileName().toString())).forEach(p -> {
          try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            if (a.isRegularFile()) {
              out.put(p, a.lastModifiedTime().toMillis() + ":" + a.size());
            }
          } catch (NoSuchFileException gone) {
            // deleted while walking: the next look sees it gone
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (IOException | UncheckedIOException e) {
        // a folder deleted or renamed while walking: the next look sees what is there
      }
    }
    return out;
  }

  /** vim's {@code .X.swp}, Emacs's {@code .#X} and {@code X~}, and other hidden files. */
  static boolean ignored(String name) {
    return name.startsWith(".") || name.endsWith("~");
  }
}
