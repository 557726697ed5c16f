package dev.stratus.template.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What stratus:dev takes for a save. */
class SourceWatchTest {
  @TempDir
  Path dir;

  @Test
  void aChangeANewFileAndADeletedOneAreSaves() throws Exception {
    Path java = Files.createDirectories(dir.resolve("src/main/java/p"));
    Path a = Files.writeString(java.resolve("A.java"), "class A {}");
    Path base = dir.resolve("template.yaml");
    SourceWatch watch = new SourceWatch(List.of(dir.resolve("src/main/java"), base));
    assertThat(watch.changed()).isFalse();

    Files.writeString(a, "class A { int x; }");
    assertThat(watch.changed()).isTrue();
    assertThat(watch.changed()).isFalse();

    Files.writeString(java.resolve("B.java"), "class B {}");
    assertThat(watch.changed()).isTrue();

    Files.delete(a);
    assertThat(watch.changed()).isTrue();

    Files.writeString(base, "Resources: {}");
    assertThat(watch.changed()).isTrue();
  }

  @Test
  void aSaveOfTheSameSizeIsSeenByItsTime() throws Exception {
    Path a = Files.writeString(dir.resolve("A.java"), "class A {}");
    SourceWatch watch = new SourceWatch(List.of(dir));
    Files.writeString(a, "class B {}");
    Files.setLastModifiedTime(a, FileTime.fromMillis(Files.getLastModifiedTime(a).toMillis() + 1000));
    assertThat(watch.changed()).isTrue();
  }

  @Test
  void editorsSwapAndBackupFilesAreNotSaves() throws Exception {
    SourceWatch watch = new SourceWatch(List.of(dir));
    Files.writeString(dir.resolve(".A.java.swp"), "vim");
    Files.writeString(dir.resolve("A.java~"), "emacs");
    Files.writeString(dir.resolve(".#A.java"), "emacs");
    assertThat(watch.changed()).isFalse();
  }
}
