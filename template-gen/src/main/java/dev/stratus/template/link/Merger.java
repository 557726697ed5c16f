package dev.stratus.template.link;

import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Merges templates from several sources (a user's base template, the processor's fragments) into one.
 * Content is kept as written; a name defined by two sources is a {@code DuplicateId} problem that
 * names both. Earlier sources come first in the output.
 */
final class Merger {

  record Result(Template template, List<Problem> problems) {}

  private Merger() {}

  static Result merge(List<Source> sources) {
    Template.Builder out = Template.builder();
    List<Problem> problems = new ArrayList<>();
    Set<String> transforms = new LinkedHashSet<>();
    String formatVersion = null;
    String description = null;
    Map<String, Map<String, String>> owners = new HashMap<>();
    Map<String, Value> metadata = new java.util.LinkedHashMap<>();
    Map<String, Map<String, Value>> globals = new java.util.LinkedHashMap<>();

    for (Source source : sources) {
      Template t = source.template();
      transforms.addAll(t.transforms());
      formatVersion = formatVersion != null ? formatVersion : t.formatVersion();
      description = description != null ? description : t.description();
      Claimer claim = (section, name) -> {
        String first = owners.computeIfAbsent(section, k -> new HashMap<>()).putIfAbsent(name, source.name());
        if (first != null) {
          List<String> path = new ArrayList<>(List.of(section.split("/")));
          path.add(name);
          problems.add(Problem.of(path, Diagnostic.DuplicateId, name, section, first, source.name()));
          return false;
        }
        return true;
      };
      t.metadata().entries().forEach(claimed(claim, "Metadata", metadata::put));
      t.parameters().forEach(claimed(claim, "Parameters", out::parameter));
      t.mappings().forEach(claimed(claim, "Mappings", out::mapping));
      t.conditions().forEach(claimed(claim, "Conditions", out::condition));
      t.resources().forEach(claimed(claim, "Resources", out::resource));
      t.outputs().forEach(claimed(claim, "Outputs", out::output));
      t.globals().entries().forEach((section, settings) -> {
        Map<String, Value> merged = globals.computeIfAbsent(section, k -> new java.util.LinkedHashMap<>());
        if (settings instanceof Mapping m) {
          m.entries().forEach(claimed(claim, "Globals/" + section, merged::put));
        } else if (claim.claim("Globals", section)) {
          problems.add(Problem.of(List.of("Globals", section), Diagnostic.InvalidGlobals, section));
        }
      });
    }
    Mapping.Builder globalsOut = Mapping.builder();
    globals.forEach((section, settings) -> globalsOut.put(section, new Mapping(settings)));
    return new Result(out.formatVersion(formatVersion)
        .transforms(new ArrayList<>(transforms))
        .description(description)
        .metadata(new Mapping(metadata))
        .globals(globalsOut.build())
        .build(), problems);
  }

  @FunctionalInterface
  private interface Claimer {
    /** Records that the current source defines {@code name} in {@code section}; false if another did first. */
    boolean claim(String section, String name);
  }

  private static <T> BiConsumer<String, T> claimed(Claimer claimer, String section, BiConsumer<String, T> sink) {
    return (name, value) -> {
      if (claimer.claim(section, name)) {
        sink.accept(name, value);
      }
    };
  }
}
