package dev.stratus.template.check;

import dev.stratus.template.diagnostics.Problem;
import java.util.List;

/** One pass over a template's index; passes are independent, so each can run alone in a test. */
public interface Check {
  List<Problem> run(TemplateIndex index);
}
