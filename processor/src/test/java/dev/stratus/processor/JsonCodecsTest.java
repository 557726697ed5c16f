package dev.stratus.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.stratus.annotations.JsonNaming;
import dev.stratus.runtime.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.core.compiler.batch.BatchCompiler;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Codecs with JSON names: {@code @JsonName}, {@code @JsonNaming} on a type or package, absent values left out,
 * the codecs of {@code @JsonCodec} types found by {@link Json}, and the mistakes of naming, each on its line.
 * The generated classes compile without a warning in javac ({@code -Xlint:all}) and in the Eclipse compiler.
 */
class JsonCodecsTest {
  /** Messages of a package whose policy is snake_case, with every kind of property. */
  static final List<JavaFileObject> MESSAGES = List.of(
      JavaFileObjects.forSourceString("com.example.msg.package-info", """
          @JsonNaming(JsonNaming.Policy.SNAKE_CASE)
          package com.example.msg;

          import dev.stratus.annotations.JsonNaming;
          """),
      JavaFileObjects.forSourceString("com.example.msg.Upload", """
          package com.example.msg;

          import dev.stratus.annotations.*;
          import java.time.Instant;
          import java.util.*;

          @JsonCodec
          public record Upload(String fileId, @JsonName("bytes") long sizeInBytes, Instant uploadedAt,
              Optional<String> note, List<Tag> tags, Map<String, Integer> counts, Kind kind,
              com.example.other.Owner owner, boolean in, Set<Kind> kinds) {
            public enum Kind { IMAGE, TEXT }
          }
          """),
      JavaFileObjects.forSourceString("com.example.msg.Tag", """
          package com.example.msg;

          /** Not annotated: it gets a codec because Upload holds it. */
          public record Tag(String tagName) {}
          """),
      JavaFileObjects.forSourceString("com.example.msg.Status", """
          package com.example.msg;

          import dev.stratus.annotations.*;

          @JsonCodec
          @JsonNaming(JsonNaming.Policy.KEBAB_CASE)
          public record Status(String httpStatus, String fileURLValue, int s3Key) {
            @JsonCodec
            @JsonNaming(JsonNaming.Policy.UPPER_CAMEL_CASE)
            public record Detail(String resourceType, String value) {}
          }
          """),
      JavaFileObjects.forSourceString("com.example.msg.Settings", """
          package com.example.msg;

          import dev.stratus.annotations.*;
          import java.util.Optional;

          @JsonCodec
          public class Settings {
            private String regionName;
            @JsonName("max")
            private int maxRetries;
            private boolean enabled;
            private Optional<String> label = Optional.empty();
            private String readOnly = "fixed";

            public String getRegionName() { return regionName; }
            public void setRegionName(String regionName) { this.regionName = regionName; }
            public int getMaxRetries() { return maxRetries; }
            public void setMaxRetries(int maxRetries) { this.maxRetries = maxRetries; }
            public boolean isEnabled() { return enabled; }
            public void setEnabled(boolean enabled) { this.enabled = enabled; }
            public Optional<String> getLabel() { return label; }
            public void setLabel(Optional<String> label) { this.label = label; }
            public String getReadOnly() { return readOnly; }
          }
          """),
      JavaFileObjects.forSourceString("com.example.other.Owner", """
          package com.example.other;

          /** Another package, no policy: names as in Java. */
          public record Owner(String ownerName) {}
          """));

  private static ClassLoader classes;
  private static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation = javac(List.of("-Xlint:all"), MESSAGES);
    assertThat(compilation).succeededWithoutWarnings();
    classes = new CompiledClasses(compilation, JsonCodecsTest.class.getClassLoader());
  }

  static Compilation javac(List<String> options, List<JavaFileObject> sources) {
    List<String> all = new ArrayList<>(options);
    all.add("-Xlint:-processing");
    all.add("-A" + StratusProcessor.TODAY_OPTION + "=" + Compile.TODAY);
    return Compiler.javac().withProcessors(new StratusProcessor()).withOptions(all)
        .compile(sources);
  }

  private static Class<?> type(String name) throws ClassNotFoundException {
    return classes.loadClass(name);
  }

  @Test
  void namesFollowJsonNameThenTheTypesPolicyThenThePackages() throws Exception {
    Class<?> upload = type("com.example.msg.Upload");
    String text = "{\"file_id\":\"f1\",\"bytes\":5,\"uploaded_at\":\"2026-12-03T10:15:30Z\",\"note\":\"hi\","
        + "\"tags\":[{\"tag_name\":\"a\"}],\"counts\":{\"x\":1},\"kind\":\"IMAGE\",\"owner\":{\"ownerName\":\"o\"},"
        + "\"in\":true,\"kinds\":[\"TEXT\"]}";
    Object value = Json.read(text, upload);
    assertThat(upload.getMethod("sizeInBytes").invoke(value)).isEqualTo(5L);
    assertThat(upload.getMethod("note").invoke(value)).isEqualTo(Optional.of("hi"));
    assertThat(Json.write(value)).isEqualTo(text);

    Class<?> status = type("com.example.msg.Status");
    String kebab = "{\"http-status\":\"ok\",\"file-url-value\":\"u\",\"s3-key\":3}";
    assertThat(Json.write(Json.read(kebab, status))).as("the type's policy wins over its package's").isEqualTo(kebab);
    String camel = "{\"ResourceType\":\"AWS::S3::Bucket\",\"Value\":\"v\"}";
    assertThat(Json.write(Json.read(camel, type("com.example.msg.Status$Detail"))))
        .as("a nested type has its own policy, Status_Detail_Codec").isEqualTo(camel);
  }

  @Test
  void beansAreNamedOnTheirFieldsGettersOrSetters() throws Exception {
    Class<?> settings = type("com.example.msg.Settings");
    Object read = Json.read("{\"region_name\":\"eu\",\"max\":3,\"enabled\":true,\"label\":\"l\",\"read_only\":\"x\"}",
        settings);
    assertThat(settings.getMethod("getMaxRetries").invoke(read)).isEqualTo(3);
    assertThat(settings.getMethod("getReadOnly").invoke(read)).as("read-only: written, not read").isEqualTo("fixed");
    assertThat(Json.write(read)).isEqualTo(
        "{\"region_name\":\"eu\",\"max\":3,\"enabled\":true,\"label\":\"l\",\"read_only\":\"fixed\"}");
    Object empty = Json.read("{\"max\":null,\"label\":null}", settings);
    assertThat(Json.write(empty)).as("a primitive's zero is a value; null and empty are left out")
        .isEqualTo("{\"max\":0,\"enabled\":false,\"read_only\":\"fixed\"}");
  }

  @Test
  void absentValuesAreLeftOutAndReadAsAbsent() throws Exception {
    Class<?> upload = type("com.example.msg.Upload");
    Object value = Json.read("{\"file_id\":\"f1\",\"note\":null,\"tags\":null}", upload);
    assertThat(upload.getMethod("note").invoke(value)).isEqualTo(Optional.empty());
    assertThat(upload.getMethod("tags").invoke(value)).isNull();
    assertThat(upload.getMethod("sizeInBytes").invoke(value)).isEqualTo(0L);
    assertThat(Json.write(value)).isEqualTo("{\"file_id\":\"f1\",\"bytes\":0,\"in\":false}");
    assertThat(Json.write(List.of(value, value))).isEqualTo(
        "[{\"file_id\":\"f1\",\"bytes\":0,\"in\":false},{\"file_id\":\"f1\",\"bytes\":0,\"in\":false}]");
    assertThat(Json.readList("[{\"file_id\":\"a\"}]", upload)).hasSize(1);
  }

  @Test
  void aMistakeNamesTheMembersAndThePath() throws Exception {
    assertThatThrownBy(() -> Json.read("[]", type("com.example.msg.Status"))).hasMessage(
        "expected an object (http-status, file-url-value, s3-key) but found '[' at column 1");
    assertThatThrownBy(() -> Json.read("{\"tags\": [{\"tag_name\": 1}]}", type("com.example.msg.Upload")))
        .hasMessage("expected a string but found '1' at column 24 ($.tags[0].tag_name)");
  }

  @Test
  void theCodecsOfAPackageAreNamedForJsonToFind() {
    assertThat(compilation.generatedSourceFiles().stream().map(f -> f.getName().replaceAll(".*/", "")).sorted())
        .containsExactly("Settings_Codec.java", "Status_Codec.java", "Status_Detail_Codec.java", "Tag_Codec.java",
            "Upload_Codec.java", "com_example_other_Owner_Codec.java");
    // Owner's codec lives in com.example.msg, where Upload needs it, not in Owner's own package.
    assertThatThrownBy(() -> Json.write(Json.read("{}", classes.loadClass("com.example.other.Owner"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("annotate it with @JsonCodec");
  }

  @Test
  void policiesSplitWordsAsJavaNamesHaveThem() {
    assertThat(TypeReader.apply(JsonNaming.Policy.SNAKE_CASE, "uploadedAt")).isEqualTo("uploaded_at");
    assertThat(TypeReader.apply(JsonNaming.Policy.SNAKE_CASE, "fileURLValue")).isEqualTo("file_url_value");
    assertThat(TypeReader.apply(JsonNaming.Policy.SNAKE_CASE, "URL")).isEqualTo("url");
    assertThat(TypeReader.apply(JsonNaming.Policy.SNAKE_CASE, "s3Key")).isEqualTo("s3_key");
    assertThat(TypeReader.apply(JsonNaming.Policy.SNAKE_CASE, "address2")).isEqualTo("address2");
    assertThat(TypeReader.apply(JsonNaming.Policy.SNAKE_CASE, "already_snake")).isEqualTo("already_snake");
    assertThat(TypeReader.apply(JsonNaming.Policy.KEBAB_CASE, "httpStatus")).isEqualTo("http-status");
    assertThat(TypeReader.apply(JsonNaming.Policy.UPPER_CAMEL_CASE, "resourceType")).isEqualTo("ResourceType");
    assertThat(TypeReader.apply(JsonNaming.Policy.UPPER_CAMEL_CASE, "id")).isEqualTo("Id");
    assertThat(TypeReader.apply(JsonNaming.Policy.IDENTITY, "fileURL")).isEqualTo("fileURL");
  }

  @Test
  void aTypedMethodsCodecsHaveTheNamesToo() {
    JavaFileObject shop = JavaFileObjects.forSourceString("com.example.Shop", """
        package com.example;

        import dev.stratus.annotations.*;
        import java.time.Instant;
        import java.util.Optional;

        public class Shop {
          @JsonNaming(JsonNaming.Policy.SNAKE_CASE)
          public record Order(String orderId, @JsonName("when") Instant placedAt, Optional<String> note) {}

          @CfFunction
          @ApiRoute(path = "/orders", method = "POST")
          public Order place(@Body Order order) { return order; }
        }
        """);
    Compilation c = Compile.compile(List.of("-Xlint:all"), shop);
    assertThat(c).succeededWithoutWarnings();
    String codec;
    try {
      codec = c.generatedSourceFile("com.example.Shop_Order_Codec").orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(codec).contains("case \"order_id\" -> orderId = Codecs.STRING.read(in);")
        .contains("case \"when\" -> placedAt = Codecs.INSTANT.read(in);")
        .contains("out.member(\"note\", NOTE, value.note());")
        .contains("Json.register(Shop.Order.class, INSTANCE);")
        .doesNotContain("SuppressWarnings");
  }

  @Test
  void aTypedMethodsTypeWithClashingNamesIsAnError() {
    JavaFileObject shop = JavaFileObjects.forSourceString("com.example.Shop", """
        package com.example;

        import dev.stratus.annotations.*;

        public class Shop {
          @JsonNaming(JsonNaming.Policy.SNAKE_CASE)
          public record Order(String orderId, @JsonName("order_id") String other) {}

          @CfFunction
          @ApiRoute(path = "/orders", method = "POST")
          public void place(@Body Order order) {}
        }
        """);
    Compilation c = Compile.compile(shop);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("properties orderId and other of Order are both \"order_id\" in JSON, so a reader"
        + " could not tell them apart; give one another name with @JsonName(\"...\")");
  }

  /** {@code com.example.Bad} annotated {@code @JsonCodec}, in a package whose policy is snake_case. */
  private static Compilation bad(JavaFileObject source) {
    return javac(List.of(), List.of(JavaFileObjects.forSourceString("com.example.package-info", """
        @dev.stratus.annotations.JsonNaming(dev.stratus.annotations.JsonNaming.Policy.SNAKE_CASE)
        package com.example;
        """), source));
  }

  private static JavaFileObject source(String body) {
    return JavaFileObjects.forSourceString("com.example.Bad", """
        package com.example;

        import dev.stratus.annotations.*;

        """ + body);
  }

  @Test
  void twoPropertiesOfOneNameAreAnErrorOnTheSecond() {
    JavaFileObject src = source("""
        @JsonCodec
        public record Bad(String uploadedAt,
            @JsonName("uploaded_at") String other) {}
        """);
    Compile.assertSingleError(bad(src), src, "[StratusDuplicateJsonName] properties uploadedAt and other of Bad are both"
        + " \"uploaded_at\" in JSON, so a reader could not tell them apart; give one another name with"
        + " @JsonName(\"...\")", "String other");
  }

  @Test
  void aPolicyMayMakeTwoNamesOne() {
    JavaFileObject src = source("""
        @JsonCodec
        public class Bad {
          public String getFileUrl() { return null; }
          public String getFileURL() { return null; }
        }
        """);
    Compile.assertSingleError(bad(src), src, "[StratusDuplicateJsonName] properties fileUrl and fileURL of Bad are both"
        + " \"file_url\" in JSON", "getFileURL");
  }

  @Test
  void anEmptyNameIsAnError() {
    JavaFileObject src = source("""
        @JsonCodec
        public record Bad(@JsonName("") String uploadedAt) {}
        """);
    Compile.assertSingleError(bad(src), src, "[StratusInvalidJsonName] @JsonName on property uploadedAt of Bad is empty;"
        + " a JSON member needs a name: write one, or remove @JsonName to keep \"uploaded_at\"", "@JsonName(\"\")");
  }

  @Test
  void aBeanPropertyIsNamedOnce() {
    JavaFileObject src = source("""
        @JsonCodec
        public class Bad {
          @JsonName("a")
          public String getValue() { return null; }
          @JsonName("b")
          public void setValue(String v) {}
        }
        """);
    Compile.assertSingleError(bad(src), src, "[StratusInvalidJsonName] property value of Bad is named \"a\" on its getter"
        + " and \"b\" on its setter; name it once", "@JsonName(\"b\")");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "public interface Bad {}|com.example.Bad is neither a record nor a concrete class",
      "public record Bad<T>(T value) {}|com.example.Bad is generic; use a concrete record or class",
      "public class Bad { public Bad(String a) {} }|com.example.Bad needs a public no-argument constructor, or make it"
          + " a record",
      "public record Bad(int[] values) {}|arrays other than byte[] are not supported: use a List",
      "public enum Bad { A }|an enum needs no codec of its own: it is written by its constants' names, and Json reads"
          + " and writes it so; remove @JsonCodec",
  })
  void aTypeWithoutACodecIsAnErrorOnIt(String declaration, String why) {
    JavaFileObject src = source("@JsonCodec\n" + declaration + "\n");
    Compile.assertSingleError(bad(src), src, "[StratusInvalidJsonCodecType] @JsonCodec on Bad: " + why + "; Stratus"
        + " generates codecs of public records and of public classes with a public no-argument constructor, getters"
        + " and setters", "@JsonCodec");
  }

  /**
   * The Eclipse compiler, which Eclipse and VS Code run processors in, compiles the generated codecs without a
   * warning: it reports unchecked operations and @SuppressWarnings that suppress nothing.
   */
  @Test
  void theEclipseCompilerFindsNothingToWarnOf(@TempDir Path dir) throws Exception {
    List<String> args = new ArrayList<>(List.of("-17", "-proc:none", "-warn:+unused,+unchecked,+warningToken",
        "-d", "none", "-cp", location(Json.class) + java.io.File.pathSeparator + location(JsonNaming.class)));
    List<JavaFileObject> all = new ArrayList<>(MESSAGES);
    all.addAll(compilation.generatedSourceFiles());
    for (JavaFileObject f : all) {
      String name = f.getName().replaceAll("^/+", "").replaceAll("^SOURCE_OUTPUT/", "");
      Path file = dir.resolve(name.contains("/") ? name : "com/example/msg/" + name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getCharContent(true));
      args.add(file.toString());
    }
    StringWriter out = new StringWriter();
    boolean ok = BatchCompiler.compile(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(out), null);
    assertThat(out.toString()).as("ECJ's output").isEmpty();
    assertThat(ok).isTrue();
  }

  private static String location(Class<?> c) throws URISyntaxException {
    return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /** The classes a compilation wrote, loaded from memory. */
  static final class CompiledClasses extends ClassLoader {
    private final Compilation compilation;

    CompiledClasses(Compilation compilation, ClassLoader parent) {
      super(parent);
      this.compilation = compilation;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      String path = "/CLASS_OUTPUT/" + name.replace('.', '/') + ".class";
      for (JavaFileObject f : compilation.generatedFiles()) {
        if (f.getKind() == JavaFileObject.Kind.CLASS && f.toUri().getPath().endsWith(path)) {
          try (InputStream in = f.openInputStream()) {
            byte[] bytes = in.readAllBytes();
            return defineClass(name, bytes, 0, bytes.length);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
      throw new ClassNotFoundException(name);
    }
  }
}
