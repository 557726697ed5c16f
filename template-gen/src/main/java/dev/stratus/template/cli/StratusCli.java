package dev.stratus.template.cli;

import dev.stratus.template.Template;
import dev.stratus.template.TemplateException;
import dev.stratus.template.check.TemplateChecks;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.link.FragmentFile;
import dev.stratus.template.link.Linker;
import dev.stratus.template.link.Source;
import dev.stratus.template.link.TemplateFile;
import dev.stratus.template.yaml.TemplateYaml;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar stratus-template-gen-cli.jar merge|validate|print …}: the {@code generate} goal's work
 * outside Maven. Exit code 0 on success, 1 when the template has errors, 2 on a usage mistake.
 */
public final class StratusCli {
  private static final String USAGE = String.join("\n",
      "usage: stratus merge [--base TEMPLATE] [--code-uri URI] [-o OUT] [--limits-as-warnings] [--sam-roles]",
      "                     FRAGMENT_OR_CLASSES_DIR...",
      "       stratus validate [--timings] TEMPLATE",
      "       stratus print TEMPLATE");

  private final PrintStream out;
  private final PrintStream err;

  StratusCli(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.exit(new StratusCli(System.out, System.err).run(args));
  }

  int run(String... args) {
    if (args.length == 0) {
      err.println(USAGE);
      return 2;
    }
    try {
      return switch (args[0]) {
        case "merge" -> merge(List.of(args).subList(1, args.length));
        case "validate" -> args.length == 2 ? validate(Path.of(args[1]), false)
            : args.length == 3 && args[1].equals("--timings") ? validate(Path.of(args[2]), true) : usage();
        case "print" -> args.length == 2 ? print(Path.of(args[1])) : usage();
        default -> usage();
      };
    } catch (TemplateException e) {
      err.println("error: " + e.getMessage());
      return 1;
    } catch (UncheckedIOException e) {
      err.println("error: " + e.getCause().getMessage());
      return 1;
    }
  }

  private int usage() {
    err.println(USAGE);
    return 2;
  }

  private int merge(List<String> args) {
    TemplateFile base = null;
    String codeUri = null;
    Path output = null;
    List<Source> fragments = new ArrayList<>();
    boolean limitsAsWarnings = false;
    boolean samRoles = false;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("--limits-as-warnings") || a.equals("--sam-roles")) {
        limitsAsWarnings |= a.equals("--limits-as-warnings");
        samRoles |= a.equals("--sam-roles");
        continue;
      }
      if ((a.equals("--base") || a.equals("--code-uri") || a.equals("-o")) && i + 1 == args.size()) {
        return usage();
      }
      switch (a) {
        case "--base" -> {
          Path file = Path.of(args.get(++i));
          base = TemplateFile.read(file);
        }
        case "--code-uri" -> codeUri = args.get(++i);
        case "-o" -> output = Path.of(args.get(++i));
        default -> {
          Path p = Path.of(a);
          if (Files.isDirectory(p)) {
            fragments.addAll(FragmentFile.read(p));
          } else {
            fragments.add(new Source(p.getFileName().toString(), TemplateFile.read(p).template()));
          }
        }
      }
    }
    Linker.Result result = Linker.link(fragments, base == null ? null : base.source(), codeUri,
        Linker.Options.defaults().withLimitsAsWarnings(limitsAsWarnings).withSamRoles(samRoles));
    TemplateFile located = base;
    result.problems().forEach(p -> err.println((p.isError() ? "error: " : "warning: ")
        + (located == null ? p.describe() : located.describe(p))));
    if (!result.ok()) {
      return 1;
    }
    if (output == null) {
      out.print(result.yaml());
    } else {
      try {
        Files.writeString(output, result.yaml(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return 0;
  }

  private int validate(Path file, boolean timings) {
    long start = System.nanoTime();
    TemplateFile read = TemplateFile.read(file);
    Template t = read.template();
    long readAt = System.nanoTime();
    List<Problem> problems = TemplateChecks.run(t, Linker.Options.defaults().today());
    long checked = System.nanoTime();
    if (timings) {
      out.printf("read %.0f ms, checks %.0f ms%n", (readAt - start) / 1e6, (checked - readAt) / 1e6);
    }
    problems.forEach(p -> err.println((p.isError() ? "error: " : "warning: ") + read.describe(p)));
    boolean ok = problems.stream().noneMatch(Problem::isError);
    if (ok) {
      out.println(file + ": ok (" + t.resources().size() + " resources)");
    }
    return ok ? 0 : 1;
  }

  private int print(Path file) {
    out.print(TemplateYaml.write(TemplateFile.read(file).template()));
    return 0;
  }
}
