package dev.stratus.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's tuned JVM: when it is started, and which class-data archive it reads. */
class ServeJvmTest {
  @Test
  void onlyServeFromTheJarGetsAJvmOfItsOwn() {
    // the tests run from target/classes: no jar to start again
    assertThat(ServeJvm.wanted("serve", "--template", "t.yaml")).isFalse();
    assertThat(ServeJvm.wanted("invoke", "Fn")).isFalse();
    assertThat(ServeJvm.wanted()).isFalse();
  }

  @Test
  void aRebuiltJarMeetsNoArchiveOfAnEarlierBuild(@TempDir Path dir) throws Exception {
    Path jar = Files.writeString(dir.resolve("stratus-local.jar"), "one");
    Path first = ServeJvm.archive(jar, "qs");
    assertThat(ServeJvm.archive(jar, "qs")).isEqualTo(first);
    Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5_000));
    Path rebuilt = ServeJvm.archive(jar, "qs");
    assertThat(rebuilt).isNotEqualTo(first);
    // one jar's archives share a prefix: a new one replaces the old
    String name = first.getFileName().toString();
    assertThat(rebuilt.getFileName().toString()).startsWith(name.substring(0, name.lastIndexOf('-') + 1));
    assertThat(ServeJvm.archive(Files.writeString(dir.resolve("other.jar"), "one"), "qs").getFileName().toString())
        .doesNotStartWith(name.substring(0, name.lastIndexOf('-') + 1));
    assertThat(ServeJvm.archive(jar, "s").getFileName().toString())
        .doesNotStartWith(name.substring(0, name.lastIndexOf('-') + 1));
  }

  @Test
  void anArchiveIsForTheServersATemplateStarts(@TempDir Path dir) throws Exception {
    Path queues = Files.writeString(dir.resolve("q.yaml"), "Resources:\n  Q: {Type: AWS::SQS::Queue}\n"
        + "  T: {Type: AWS::DynamoDB::Table}\n");
    assertThat(ServeJvm.servers(java.util.List.of("serve", "--template", queues.toString()))).isEqualTo("qds");
    assertThat(ServeJvm.servers(java.util.List.of("serve", "--template", dir.resolve("none.yaml").toString())))
        .isEqualTo("s");
  }
}
