package dev.stratus.processor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.link.FragmentFile;
import dev.stratus.template.link.Linker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real javac runs writing to a class directory, where what is (not) written can be seen. */
class FileOutputTest {

  /** Compiles {@code sources} into {@code out}, with {@code out} on the class path as an incremental build has it. */
  private static boolean compile(Path out, JavaFileObject... sources) throws IOException {
    return compile(out, List.of(), sources);
  }

  private static boolean compile(Path out, List<String> options, JavaFileObject... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      String classPath = out + java.io.File.pathSeparator + System.getProperty("java.class.path");
      JavaCompiler.CompilationTask task = javac.getTask(null, files, null,
          Stream.concat(Stream.of("-d", out.toString(), "-classpath", classPath, "-Xlint:-processing",
              "-A" + StratusProcessor.TODAY_OPTION + "=" + Compile.TODAY), options.stream()).toList(),
          null, List.of(sources));
      task.setProcessors(List.of(new StratusProcessor()));
      return task.call();
    }
  }

  @Test
  void writesOneFragmentPerAnnotatedTypeIntoOneFile(@TempDir Path out) throws IOException {
    assertThat(compile(out,
        Compile.source("Params", "@CfParameter(name = \"Stage\")\nfinal class Params {}\n"),
        Compile.handler("HelloHandler", "@CfFunction\n@OnSchedule(\"rate(1 day)\")"))).isTrue();
    String text = Files.readString(out.resolve(FragmentFile.PATH));
    assertThat(text).startsWith("--- # com.example.HelloHandler\nResources:\n  HelloFunction:\n")
        .endsWith("--- # com.example.Params\nParameters:\n  Stage:\n    Type: String\n");
  }

  @Test
  void limitsTakenAsWarningsByJavacAreRecordedForTheGoal(@TempDir Path out) throws IOException {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 201; i++) {
      body.append("@CfParameter(name = \"P").append(i).append("\")\n");
    }
    JavaFileObject params = Compile.source("Params", body + "final class Params {}\n");
    assertThat(compile(out, List.of("-A" + StratusProcessor.LIMITS_OPTION + "=warn"), params)).isTrue();
    assertThat(FragmentFile.limitsAsWarnings(out)).isTrue();
    assertThat(compile(out, params)).isFalse();
  }

  @Test
  void noFragmentIsWrittenWhenThereIsAnError(@TempDir Path out) throws IOException {
    assertThat(compile(out,
        Compile.source("Good", "@CfParameter(name = \"Stage\")\nfinal class Good {}\n"),
        Compile.source("Bad", "@CfParameter(name = \"bad-name\")\nfinal class Bad {}\n"))).isFalse();
    assertThat(out.resolve(FragmentFile.PATH)).doesNotExist();
  }

  /** The linked template's resources, with SAM's roles: the fragments' own resources alone. */
  private static List<String> linkedResources(Path out) {
    Linker.Result r = Linker.link(FragmentFile.read(out), null, "app.jar",
        Linker.Options.defaults().withToday(java.time.LocalDate.parse(Compile.TODAY)).withSamRoles(true));
    assertThat(r.errors()).isEmpty();
    return List.copyOf(r.template().resources().keySet());
  }

  @Test
  void incrementalBuildsKeepWhatWasNotRecompiledAndDropWhatIsGone(@TempDir Path out) throws IOException {
    JavaFileObject table = Compile.source("Tables",
        "@CfResource(logicalId = \"Jobs\", type = \"AWS::SQS::Queue\")\nfinal class Tables {}\n");
    JavaFileObject worker = Compile.handler("WorkerHandler",
        "@CfFunction(environment = @Env(name = \"QUEUE\", value = \"!Ref Jobs\"))\n@OnSqsMessage(queue = \"Jobs\")");
    JavaFileObject ticker = Compile.handler("TickerHandler", "@CfFunction\n@OnSchedule(\"rate(1 day)\")");
    assertThat(compile(out, table, worker, ticker)).isTrue();
    assertThat(linkedResources(out)).containsExactly("Jobs", "TickerFunction", "WorkerFunction");

    // Only the worker is recompiled: its reference to Jobs still resolves, and nothing is lost or doubled.
    assertThat(compile(out, worker)).isTrue();
    assertThat(linkedResources(out)).containsExactly("Jobs", "TickerFunction", "WorkerFunction");

    // The ticker loses its annotations: its old fragment goes.
    assertThat(compile(out, Compile.source("TickerHandler", "public class TickerHandler {}\n"))).isTrue();
    assertThat(linkedResources(out)).containsExactly("Jobs", "WorkerFunction");
    assertThat(Files.readString(out.resolve(FragmentFile.PATH))).doesNotContain("TickerHandler");

    // The worker is deleted (its class file is gone): it leaves the template.
    Files.delete(out.resolve("com/example/WorkerHandler.class"));
    assertThat(linkedResources(out)).containsExactly("Jobs");

    // The last annotated type loses its annotations: no fragment is left, nor the file.
    assertThat(compile(out, Compile.source("Tables", "final class Tables {}\n"))).isTrue();
    assertThat(out.resolve(FragmentFile.PATH)).doesNotExist();
  }

  @Test
  void aPartialBuildStillChecksAgainstTheRest(@TempDir Path out) throws IOException {
    assertThat(compile(out, Compile.source("Tables",
        "@CfResource(logicalId = \"Jobs\", type = \"AWS::SQS::Queue\")\nfinal class Tables {}\n"))).isTrue();
    assertThat(compile(out, Compile.handler("WorkerHandler",
        "@CfFunction(environment = @Env(name = \"QUEUE\", value = \"!Ref Job\"))\n@OnSqsMessage(queue = \"Jobs\")")))
        .isFalse();
  }

  @Test
  void anIncrementalBuildKeepsThePackagesOtherUsesInItsAccessors(@TempDir Path out) throws IOException {
    JavaFileObject resources = Compile.source("Resources", """
        @CfResource(logicalId = "Jobs", type = "AWS::SQS::Queue")
        @CfResource(logicalId = "Alerts", type = "AWS::SNS::Topic")
        final class Resources {}
        """);
    JavaFileObject sender = Compile.handler("Sender", "@CfFunction\n@Use(value = \"Jobs\", access = Access.WRITE)\n"
        + "@OnSchedule(\"rate(1 day)\")");
    JavaFileObject alerter = Compile.handler("Alerter", "@CfFunction\n@Use(value = \"Alerts\", access = Access.WRITE)\n"
        + "@OnSchedule(\"rate(1 day)\")");
    assertThat(compile(out, resources, sender, alerter)).isTrue();
    Path accessors = out.resolve("com/example/StackResources.java");
    assertThat(Files.readString(accessors)).contains("class Jobs", "class Alerts");
    Files.delete(accessors);
    assertThat(compile(out, sender)).as("only Sender recompiled").isTrue();
    assertThat(Files.readString(accessors)).contains("class Jobs", "class Alerts");
  }
}
