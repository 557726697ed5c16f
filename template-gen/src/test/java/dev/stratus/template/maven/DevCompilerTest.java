package dev.stratus.template.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** stratus:dev's compiles: everything into a fresh folder, javac's errors as Maven prints them. */
class DevCompilerTest {
  @TempDir
  Path dir;

  @Test
  void compilesEverySourceIntoAFreshFolder() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/p"));
    Files.writeString(src.resolve("A.java"), "package p; public class A { B b; }");
    Path b = Files.writeString(src.resolve("B.java"), "package p; class B {}");
    Path classes = dir.resolve("classes");
    try (DevCompiler javac = new DevCompiler(List.of(), List.of(), List.of("--release", "17"), StandardCharsets.UTF_8)) {
      DevCompiler.Outcome first = javac.compile(List.of(dir.resolve("src")), classes, dir.resolve("generated"));
      assertThat(first.ok()).isTrue();
      assertThat(first.sources()).isEqualTo(2);
      assertThat(classes.resolve("p/A.class")).exists();
      assertThat(classes.resolve("p/B.class")).exists();

      // a deleted file's class goes with it: nothing stale is served
      Files.delete(b);
      Files.writeString(src.resolve("A.java"), "package p; public class A {}");
      assertThat(javac.compile(List.of(dir.resolve("src")), classes, dir.resolve("generated")).ok()).isTrue();
      assertThat(classes.resolve("p/A.class")).exists();
      assertThat(classes.resolve("p/B.class")).doesNotExist();
    }
  }

  @Test
  void anErrorIsSaidWithItsFileLineAndColumn() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/p"));
    Path a = Files.writeString(src.resolve("A.java"), "package p;\npublic class A {\n  int x = ;\n}\n");
    try (DevCompiler javac = new DevCompiler(List.of(), List.of(), List.of(), StandardCharsets.UTF_8)) {
      DevCompiler.Outcome o = javac.compile(List.of(dir.resolve("src")), dir.resolve("classes"), dir.resolve("gen"));
      assertThat(o.ok()).isFalse();
      assertThat(o.errors()).containsExactly(a + ":[3,11] illegal start of expression");
    }
  }
}
