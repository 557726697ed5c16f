package dev.stratus.template.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stratus.template.TemplateException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's one file of fragments: written, read back, and what a deleted class leaves. */
class FragmentFileTest {
  private static final String TEXT = """
      --- # com.a.First
      Resources:
        First:
          Type: AWS::SQS::Queue
      --- # com.b.Second
      Parameters:
        Stage:
          Type: String
      """;

  @Test
  void fragmentsRoundTripByteForByte() {
    List<Source> fragments = FragmentFile.read(TEXT, "fragments.yaml");
    assertThat(fragments).extracting(Source::name).containsExactly("com.a.First", "com.b.Second");
    assertThat(fragments.get(0).template().resources()).containsOnlyKeys("First");
    assertThat(FragmentFile.write(fragments, false)).isEqualTo(TEXT);
  }

  @Test
  void aCompilationThatTookLimitsAsWarningsSaysSoInTheFile(@TempDir Path classes) throws IOException {
    List<Source> fragments = FragmentFile.read(TEXT, "fragments.yaml");
    String text = FragmentFile.write(fragments, true);
    assertThat(text).isEqualTo("# stratus.limits=warn\n" + TEXT);
    assertThat(FragmentFile.read(text, "fragments.yaml")).isEqualTo(fragments);
    assertThat(FragmentFile.limitsAsWarnings(classes)).isFalse();
    Files.createDirectories(classes.resolve(FragmentFile.PATH).getParent());
    Files.writeString(classes.resolve(FragmentFile.PATH), text);
    assertThat(FragmentFile.limitsAsWarnings(classes)).isTrue();
    Files.writeString(classes.resolve(FragmentFile.PATH), TEXT);
    assertThat(FragmentFile.limitsAsWarnings(classes)).isFalse();
  }

  @Test
  void anEmptyFileHasNoFragments() {
    assertThat(FragmentFile.read("", "fragments.yaml")).isEmpty();
  }

  @Test
  void aBrokenFragmentIsReportedWithItsTypeAndItsLineInTheFile() {
    String broken = TEXT + "--- # com.c.Third\nResources:\n  Third: [\n";
    assertThatThrownBy(() -> FragmentFile.read(broken, "fragments.yaml"))
        .isInstanceOfSatisfying(TemplateException.class, e -> {
          assertThat(e.getMessage()).startsWith("fragments.yaml: com.c.Third: ");
          // Line 12 of the file: the end of the input, where the '[' opened on line 11 is still unclosed.
          assertThat(e.line()).isEqualTo(12);
        });
  }

  @Test
  void textBeforeTheFirstMarkIsAnError() {
    assertThatThrownBy(() -> FragmentFile.read("Resources: {}\n" + TEXT, "fragments.yaml"))
        .hasMessage("fragments.yaml: expected '--- # <type>' before the first fragment");
  }

  @Test
  void fragmentsOfDeletedClassesAreLeftOut(@TempDir Path classes) throws IOException {
    Files.createDirectories(classes.resolve(FragmentFile.PATH).getParent());
    Files.writeString(classes.resolve(FragmentFile.PATH), TEXT + "--- # com.c.Gone\nResources: {}\n");
    for (String cls : List.of("com/a/First.class", "com/b/Second.class")) {
      Files.createDirectories(classes.resolve(cls).getParent());
      Files.writeString(classes.resolve(cls), "");
    }
    assertThat(FragmentFile.read(classes)).extracting(Source::name).containsExactly("com.a.First", "com.b.Second");
  }

  @Test
  void noFileNoFragments(@TempDir Path classes) {
    assertThat(FragmentFile.read(classes)).isEmpty();
  }
}
