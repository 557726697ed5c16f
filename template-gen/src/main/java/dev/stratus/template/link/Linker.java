package dev.stratus.template.link;

import dev.stratus.template.Lambda;
import dev.stratus.template.Resource;
import dev.stratus.template.Template;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.auth.Authorizers;
import dev.stratus.template.connect.ScopedRoles;
import dev.stratus.template.check.TemplateChecks;
import dev.stratus.template.diagnostics.Diagnostic;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.yaml.TemplateYaml;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The link step: the processor's fragments plus an optional base template → the final template, with
 * {@code CodeUri} pointing at the built artifact, checked. The processor links to check (without a code
 * artifact), the Maven goal and the CLI to write.
 */
public final class Linker {
  /** CloudFormation's limit for a template uploaded through S3. */
  public static final int MAX_TEMPLATE_BYTES = 1_000_000;

  /**
   * How to link. {@code limitsAsWarnings} reports CloudFormation's size limits as warnings, for builds that
   * split the template afterwards; {@code today} decides which Lambda runtimes are retired; {@code samRoles}
   * leaves each function the role SAM makes rather than the scoped one of {@link ScopedRoles}.
   */
  public record Options(boolean limitsAsWarnings, LocalDate today, boolean samRoles) {
    public static Options defaults() {
      return new Options(false, LocalDate.now(ZoneOffset.UTC), false);
    }

    public Options withLimitsAsWarnings(boolean asWarnings) {
      return new Options(asWarnings, today, samRoles);
    }

    public Options withToday(LocalDate date) {
      return new Options(limitsAsWarnings, date, samRoles);
    }

    public Options withSamRoles(boolean sam) {
      return new Options(limitsAsWarnings, today, sam);
    }
  }

  /** {@code guards}: what guards each route, as {@link Authorizers.Linked#guards()} says. */
  public record Result(Template template, String yaml, List<Problem> problems,
      Map<List<String>, Authorizers.Guard> guards) {
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

  private Linker() {}

  /**
   * Merges {@code base} (first, so its content and order lead) with {@code fragments}, points every
   * serverless function without code at {@code codeUri} (unless it is {@code null}), gives functions
   * without a runtime {@link Lambda#DEFAULT_RUNTIME}, and checks the result.
   */
  public static Result link(List<Source> fragments, Source base, String codeUri, Options options) {
    List<Source> sources = new ArrayList<>();
    if (base != null) {
      sources.add(base);
    }
    sources.addAll(fragments);
    Merger.Result merged = Merger.merge(sources);
    Authorizers.Linked auth = Authorizers.link(merged.template());
    ScopedRoles.Result roles = options.samRoles() ? new ScopedRoles.Result(auth.template(), List.of())
        : ScopedRoles.apply(auth.template());
    Template t = roles.template();
    Template.Builder b = t.toBuilder();
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
          ? Value.str(Lambda.DEFAULT_RUNTIME) : p.get("Runtime"));
      props.put("CodeUri", packaged || codeUri == null ? p.get("CodeUri") : Value.str(codeUri));
      p.entries().forEach(props::put);
      b.resource(e.getKey(), r.withProperties(props.build()));
    }
    Template result = b.build();
    List<Problem> problems = new ArrayList<>(merged.problems());
    problems.addAll(auth.problems());
    problems.addAll(roles.problems());
    problems.addAll(TemplateChecks.run(result, options.today()));
    String yaml = TemplateYaml.write(result);
    int bytes = yaml.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_TEMPLATE_BYTES) {
      problems.add(Problem.of(List.of(), Diagnostic.TemplateTooLarge, bytes, MAX_TEMPLATE_BYTES,
          bytes - MAX_TEMPLATE_BYTES));
    }
    if (options.limitsAsWarnings()) {
      problems.replaceAll(p -> p.diagnostic().id().equals(Diagnostic.LimitExceeded.id()) ? p.asWarning() : p);
    }
    return new Result(result, yaml, problems, auth.guards());
  }
}
