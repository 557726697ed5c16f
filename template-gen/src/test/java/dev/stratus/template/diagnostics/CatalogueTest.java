package dev.stratus.template.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stratus.template.Value;
import dev.stratus.template.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is whole: every message is pinned by a test that users' words can be read from, every id is
 * explained, and {@code docs/diagnostics.md} is what the catalogue and the explanations make. Run with
 * {@code -Dstratus.updateDocs=true} to rewrite the page after changing either.
 */
class CatalogueTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Path EXPLAINED = ROOT.resolve("docs/diagnostics-explained.yaml");
  private static final Path PAGE = ROOT.resolve("docs/diagnostics.md");
  /** Where the tests that pin messages live. */
  private static final List<Path> TESTS = List.of(ROOT.resolve("template-gen/src/test/java"),
      ROOT.resolve("processor/src/test/java"));

  @Test
  void everyMessageIsPinnedByATest() {
    String tests = testSources();
    List<String> unpinned = new ArrayList<>();
    for (Diagnostic d : Diagnostic.values()) {
      String words = longestLiteral(d.format()).replace("\\", "\\\\").replace("\"", "\\\"");
      if (!tests.contains(d.tag()) || !tests.contains(words)) {
        unpinned.add(d.name() + " (" + d.tag() + " … " + words + ")");
      }
    }
    assertThat(unpinned).as("messages that no test pins with the words users see").isEmpty();
  }

  @Test
  void everyIdIsExplainedOnce() {
    assertThat(explained().keySet()).containsExactlyElementsOf(ids());
  }

  @Test
  void theReferencePageIsUpToDate() throws IOException {
    String page = page();
    if (Boolean.getBoolean("stratus.updateDocs")) {
      Files.writeString(PAGE, page, StandardCharsets.UTF_8);
    }
    assertThat(Files.exists(PAGE) ? Files.readString(PAGE) : "")
        .as(PAGE + " is stale: run mvn -pl template-gen test -Dtest=CatalogueTest -Dstratus.updateDocs=true")
        .isEqualTo(page);
  }

  private static Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    Arrays.stream(Diagnostic.values()).map(Diagnostic::id).forEach(ids::add);
    return ids;
  }

  /** Id → meaning, example, fix. */
  private static Map<String, Map<String, String>> explained() {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    try {
      Value.Mapping all = (Value.Mapping) YamlReader.readValue(Files.readString(EXPLAINED));
      all.entries().forEach((id, entry) -> {
        Map<String, String> fields = new LinkedHashMap<>();
        ((Value.Mapping) entry).entries().forEach((k, v) -> fields.put(k, ((Value.Str) v).value().strip()));
        assertThat(fields).as(id).containsOnlyKeys("meaning", "example", "fix");
        out.put(id, fields);
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String page() {
    Map<String, Map<String, String>> explained = explained();
    StringBuilder b = new StringBuilder("""
        # Stratus diagnostics

        Every message Stratus prints starts with a tag such as `[StratusUnknownReference]`; this page has one
        section per tag: what it means, an example that triggers it, and the fix. `…` stands for the values a
        message quotes (names, types, the closest spelling).

        Generated from `template-gen/src/main/java/dev/stratus/template/diagnostics/Diagnostic.java` and
        `docs/diagnostics-explained.yaml` by `CatalogueTest`; edit those, not this page.

        | tag | severity |
        |---|---|
        """);
    for (String id : ids()) {
      b.append("| [`Stratus").append(id).append("`](#stratus").append(id.toLowerCase(java.util.Locale.ROOT))
          .append(") | ").append(severity(id)).append(" |\n");
    }
    for (String id : ids()) {
      Map<String, String> e = explained.getOrDefault(id, Map.of());
      b.append("\n## Stratus").append(id).append("\n\n");
      b.append("**").append(severity(id)).append("**. ").append(e.getOrDefault("meaning", "")).append("\n\n");
      b.append(messages(id).size() == 1 ? "Message:\n\n" : "Messages:\n\n");
      messages(id).forEach(m -> b.append("- `").append(m).append("`\n"));
      String example = e.getOrDefault("example", "");
      b.append("\nExample:\n\n```").append(example.startsWith("@") || example.contains("class ") ? "java" : "yaml")
          .append('\n').append(example).append("\n```\n\n");
      b.append("Fix: ").append(e.getOrDefault("fix", "")).append('\n');
    }
    return b.toString();
  }

  private static String severity(String id) {
    return Arrays.stream(Diagnostic.values()).filter(d -> d.id().equals(id)).findFirst().orElseThrow().severity()
        == Severity.ERROR ? "error" : "warning";
  }

  private static List<String> messages(String id) {
    return Arrays.stream(Diagnostic.values()).filter(d -> d.id().equals(id))
        .map(d -> d.format().replaceAll("%[sd]", "…").replace("``", "` `")).toList();
  }

  /** The longest stretch of a format that is not a value: the words a test must show. */
  private static String longestLiteral(String format) {
    return Arrays.stream(format.split("%[sd]")).max(Comparator.comparingInt(String::length)).orElse("").strip();
  }

  /** Every test source, with Java's string concatenations joined, so that a message split over lines reads whole. */
  private static String testSources() {
    StringBuilder all = new StringBuilder();
    for (Path dir : TESTS) {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("CatalogueTest.java")).toList()) {
          all.append(Files.readString(f)).append('\n');
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return all.toString().replaceAll("\"\\s*\\+\\s*\"", "");
  }
}
