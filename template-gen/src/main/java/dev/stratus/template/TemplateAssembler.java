package dev.stratus.template;

import dev.stratus.template.Problem.Rule;
import dev.stratus.template.TemplateMerger.Source;
import dev.stratus.template.Value.Mapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The linker: the processor's fragments plus an optional base template → the final template, with
 * {@code CodeUri} pointing at the built artifact. Used by the Maven goal and the CLI alike.
 */
public final class TemplateAssembler {
  /** Where the processor writes one fragment per annotated type, inside the class output. */
  public static final String FRAGMENT_DIR = "META-INF/stratus/fragments";
  public static final String FRAGMENT_SUFFIX = ".yaml";
  /** CloudFormation's limit for a template uploaded through S3. */
  public static final int MAX_TEMPLATE_BYTES = 1_000_000;

  public record Result(Template template, String yaml, List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  private TemplateAssembler() {}

  /**
   * Merges {@code base} (first, so its content and order lead) with {@code fragments}, points every
   * serverless function without code at {@code codeUri}, and validates the result.
   */
  public static Result assemble(List<Source> fragments, Source base, String codeUri) {
    List<Source> sources = new ArrayList<>();
    if (base != null) {
      sources.add(base);
    }
    sources.addAll(fragments);
    TemplateMerger.Result merged = TemplateMerger.merge(sources);
    Template.Builder b = merged.template().toBuilder();
    Template t = merged.template();
    if (t.formatVersion() == null) {
      b.formatVersion(Template.FORMAT_VERSION);
    }
    boolean serverless = t.resources().values().stream().anyMatch(r -> r.type().startsWith("AWS::Serverless::"))
        || !t.globals().isEmpty();
    if (serverless && !t.isServerless()) {
      List<String> transforms = new ArrayList<>(t.transforms());
      transforms.add(0, Template.SERVERLESS_TRANSFORM);
      b.transforms(transforms);
    }
    for (Map.Entry<String, Resource> e : t.resources().entrySet()) {
      Resource r = e.getValue();
      Mapping p = r.properties();
      if (codeUri != null && r.type().equals(Resource.SERVERLESS_FUNCTION)
          && p.get("CodeUri") == null && p.get("InlineCode") == null && p.get("ImageUri") == null) {
        b.resource(e.getKey(), r.withProperties(withCodeUri(p, codeUri)));
      }
    }
    Template result = b.build();
    List<String> errors = new ArrayList<>();
    merged.problems().forEach(p -> errors.add(p.describe()));
    TemplateValidator.validate(result).forEach(p -> errors.add(p.describe()));
    String yaml = TemplateYaml.write(result);
    int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEMPLATE_BYTES) {
      errors.add(new Problem(Rule.LimitExceeded, List.of(), "the template is " + bytes + " bytes; CloudFormation allows "
          + MAX_TEMPLATE_BYTES + " (" + (bytes - MAX_TEMPLATE_BYTES) + " too many): split the stack").describe());
    }
    return new Result(result, yaml, errors);
  }

  /** CodeUri goes right after Handler/Runtime so that the function reads top-down. */
  private static Mapping withCodeUri(Mapping properties, String codeUri) {
    Mapping.Builder b = Mapping.builder();
    boolean placed = false;
    for (Map.Entry<String, Value> e : properties.entries().entrySet()) {
      if (!placed && !e.getKey().equals("Handler") && !e.getKey().equals("Runtime")) {
        b.put("CodeUri", codeUri);
        placed = true;
      }
      b.put(e.getKey(), e.getValue());
    }
    if (!placed) {
      b.put("CodeUri", codeUri);
    }
    return b.build();
  }

  /**
   * The fragments under {@code classesDir}, sorted by name. A fragment whose class file is gone (the type
   * was deleted and the build was incremental) is skipped, so a deleted handler leaves the template.
   */
  public static List<Source> readFragments(Path classesDir) {
    Path dir = classesDir.resolve(FRAGMENT_DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<Source> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (!name.endsWith(FRAGMENT_SUFFIX)) {
          continue;
        }
        String binaryName = name.substring(0, name.length() - FRAGMENT_SUFFIX.length());
        if (!Files.exists(classesDir.resolve(binaryName.replace('.', '/') + ".class"))) {
          continue;
        }
        out.add(readSource(binaryName, file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Reads a template file; a {@link TemplateException} says which file and line. */
  public static Source readSource(String name, Path file) {
    try {
      return new Source(name, TemplateYaml.read(Files.readString(file)));
    } catch (TemplateException e) {
      throw new TemplateException(file + ": " + e.describe(), e.line());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
