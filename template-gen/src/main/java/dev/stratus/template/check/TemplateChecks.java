package dev.stratus.template.check;

import dev.stratus.template.Template;
import dev.stratus.template.diagnostics.Problem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a whole template against CloudFormation's and SAM's own rules: names and limits, references,
 * resource schemas, runtimes, events, dependency cycles; and warns of what is declared but unused.
 * Collects every problem; never throws for a user's mistake.
 */
public final class TemplateChecks {
  private TemplateChecks() {}

  /** Every check, in the order users read their problems; {@code today} decides which runtimes are retired. */
  public static List<Check> all(LocalDate today) {
    return List.of(new IdsAndLimits(), new References(), new Schemas(), new Policies(), new Runtimes(today),
        new EventRules(), new Routes(), new GlobalsSections(), new Cycles(), new Unused());
  }

  public static List<Problem> run(Template template, LocalDate today) {
    TemplateIndex index = TemplateIndex.of(template);
    List<Problem> problems = new ArrayList<>();
    for (Check check : all(today)) {
      problems.addAll(check.run(index));
    }
    return List.copyOf(problems);
  }
}
