package dev.stratus.template.link;

import dev.stratus.template.Value;
import dev.stratus.template.diagnostics.Problem;

import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.TemplateException;
import dev.stratus.template.check.TemplateValidator;
import dev.stratus.template.yaml.TemplateYaml;

import dev.stratus.template.diagnostics.Problem.Rule;
import dev.stratus.template.link.TemplateMerger.Source;
import dev.stratus.template.Value.Mapping;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The linker: the processor's fragments plus an optional base template → the final template, with
 * {@code CodeUri} pointing at the built artifact. Used by the Maven goal and the CLI alike.
 */
public final class TemplateAssembler {
  /** CloudFormation's limit for a template uploaded through S3. */
  public static final int MAX_TEMPLATE_BYTES = 1_000_000;

  /** Lambda's newest Java runtime that SAM knows; a function that sets none, directly or in Globals, gets it. */
  public static final String DEFAULT_RUNTIME = "java21";

  public record Result(Template template, String yaml, List<Problem> problems) {
    public boolean ok() {
      return problems.stream().noneMatch(Problem::isError);
    }

    public List<String> errors() {
      return problems.stream().filter(Problem::isError).map(Problem::describe).toList();
    }

    public List<String> warnings() {
      return problems.stream().filter(p -> !p.isError()).map(Problem::describe).toList();
    }
  }

  private TemplateAssembler() {}

  /**
   * Merges {@code base} (first, so its content and order lead) with {@code fragments}, points every
   * serverless function without code at {@code codeUri} (unless it is {@code null}), gives functions
   * without a runtime {@link #DEFAULT_RUNTIME}, and validates the result.
   */
  public static Result assemble(List<Source> fragments, Source base, String codeUri) {
    return assemble(fragments, base, codeUri, false);
  }

  /**
   * As {@link #assemble(List, Source, String)}; {@code limitsAsWarnings} reports CloudFormation's size
   * limits as warnings, for builds that split the template afterwards.
   */
  public static Result assemble(List<Source> fragments, Source base, String codeUri, boolean limitsAsWarnings) {
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
    boolean globalRuntime = t.globals().get("Function") instanceof Mapping f && f.get("Runtime") != null;
    for (Map.Entry<String, Resource> e : t.resources().entrySet()) {
      Resource r = e.getValue();
      Mapping p = r.properties();
      if (!r.type().equals(Resource.SERVERLESS_FUNCTION)) {
        continue;
      }
      boolean packaged = p.get("CodeUri") != null || p.get("InlineCode") != null || p.get("ImageUri") != null;
      // Handler, Runtime and CodeUri lead, so that a function reads top-down.
      Mapping.Builder props = Mapping.builder().put("Handler", p.get("Handler"));
      props.put("Runtime", p.get("Runtime") == null && !globalRuntime && p.get("ImageUri") == null
          ? Value.str(DEFAULT_RUNTIME) : p.get("Runtime"));
      props.put("CodeUri", packaged || codeUri == null ? p.get("CodeUri") : Value.str(codeUri));
      p.entries().forEach(props::put);
      b.resource(e.getKey(), r.withProperties(props.build()));
    }
    Template result = b.build();
    List<Problem> problems = new ArrayList<>(merged.problems());
    problems.addAll(TemplateValidator.validate(result));
    String yaml = TemplateYaml.write(result);
    int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEMPLATE_BYTES) {
      problems.add(new Problem(Rule.LimitExceeded, List.of(), "the template is " + bytes + " bytes; CloudFormation"
          + " allows " + MAX_TEMPLATE_BYTES + " (" + (bytes - MAX_TEMPLATE_BYTES) + " too many): split the stack"));
    }
    if (limitsAsWarnings) {
      problems.replaceAll(p -> p.rule() == Rule.LimitExceeded ? p.asWarning() : p);
    }
    return new Result(result, yaml, problems);
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
