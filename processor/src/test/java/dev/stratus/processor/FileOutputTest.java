package dev.stratus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real javac runs writing to a class directory, where what is (not) written can be seen. */
class FileOutputTest {

  private static boolean compile(Path out, JavaFileObject... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null,
          List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:-processing"),
          null, List.of(sources));
      task.setProcessors(List.of(new StratusProcessor()));
      return task.call();
    }
  }

  @Test
  void writesOneFragmentPerAnnotatedType(@TempDir Path out) throws IOException {
    assertThat(compile(out,
        Compile.source("Params", "@CfParameter(name = \"Stage\")\nfinal class Params {}\n"),
        Compile.handler("HelloHandler", "@CfFunction\n@OnSchedule(\"rate(1 day)\")"))).isTrue();
    Path dir = out.resolve("META-INF/stratus/fragments");
    try (var listing = Files.list(dir)) {
      assertThat(listing.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("com.example.HelloHandler.yaml", "com.example.Params.yaml");
    }
    assertThat(Files.readString(dir.resolve("com.example.Params.yaml")))
        .isEqualTo("Parameters:\n  Stage:\n    Type: String\n");
  }

  @Test
  void noFragmentIsWrittenWhenThereIsAnError(@TempDir Path out) throws IOException {
    assertThat(compile(out,
        Compile.source("Good", "@CfParameter(name = \"Stage\")\nfinal class Good {}\n"),
        Compile.source("Bad", "@CfParameter(name = \"bad-name\")\nfinal class Bad {}\n"))).isFalse();
    assertThat(out.resolve("META-INF/stratus/fragments")).doesNotExist();
  }
}
