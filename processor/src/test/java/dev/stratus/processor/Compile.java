package dev.stratus.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.stratus.template.link.FragmentFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

/** Compiles test sources with the Stratus processor, in memory. */
final class Compile {
  static final String IMPORTS = """
      package com.example;

      import com.amazonaws.services.lambda.runtime.Context;
      import com.amazonaws.services.lambda.runtime.RequestHandler;
      import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
      import com.amazonaws.services.lambda.runtime.events.*;
      import dev.stratus.annotations.*;
      import java.io.InputStream;
      import java.io.OutputStream;
      import java.util.Map;

      """;

  /** The date runtimes are judged on, so that a runtime's end of life does not break these tests one day. */
  static final String TODAY = "2026-12-02";

  private Compile() {}

  /** A source file {@code com.example.NAME} whose text is the common imports plus {@code body}. */
  static JavaFileObject source(String name, String body) {
    return JavaFileObjects.forSourceString("com.example." + name, IMPORTS + body);
  }

  /** A handler class NAME with {@code annotations} above it. */
  static JavaFileObject handler(String name, String annotations) {
    return source(name, annotations + "\npublic class " + name
        + " implements RequestHandler<Map<String, Object>, String> {\n"
        + "  public String handleRequest(Map<String, Object> in, Context context) { return \"ok\"; }\n}\n");
  }

  /** The compilation failed with exactly one error: {@code message}, on the line of {@code file} containing {@code line}. */
  static void assertSingleError(Compilation c, JavaFileObject file, String message, String line) {
    CompilationSubject.assertThat(c).failed();
    CompilationSubject.assertThat(c).hadErrorCount(1);
    CompilationSubject.assertThat(c).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  static Compilation compile(JavaFileObject... sources) {
    return compile(List.of(), sources);
  }

  static Compilation compile(List<String> options, JavaFileObject... sources) {
    List<String> all = new ArrayList<>(options);
    all.add("-Xlint:-processing");
    if (all.stream().noneMatch(o -> o.startsWith("-A" + StratusProcessor.TODAY_OPTION + "="))) {
      all.add("-A" + StratusProcessor.TODAY_OPTION + "=" + TODAY);
    }
    return Compiler.javac().withProcessors(new StratusProcessor()).withOptions(all).compile(sources);
  }

  /** The fragment the processor wrote for a type, as written, if it wrote one. */
  static Optional<String> fragment(Compilation compilation, String binaryName) {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, FragmentFile.PATH).flatMap(f -> {
      String text;
      try {
        text = f.getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      String mark = FragmentFile.MARK + binaryName + "\n";
      int start = text.startsWith(mark) ? 0 : text.indexOf("\n" + mark) + 1;
      if (start == 0 && !text.startsWith(mark)) {
        return Optional.empty();
      }
      int end = text.indexOf("\n" + FragmentFile.MARK, start);
      return Optional.of(text.substring(start + mark.length(), end < 0 ? text.length() : end + 1));
    });
  }
}
