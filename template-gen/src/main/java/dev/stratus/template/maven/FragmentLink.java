package dev.stratus.template.maven;

import dev.stratus.template.TemplateException;
import dev.stratus.template.diagnostics.Problem;
import dev.stratus.template.link.FragmentFile;
import dev.stratus.template.link.Linker;
import dev.stratus.template.link.Source;
import dev.stratus.template.link.TemplateFile;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * The processor's fragments in a class folder, linked with the base template into one template whose functions'
 * {@code CodeUri} is {@code codeUri}: what {@code generate} writes for the jar and {@code dev} for the class folder.
 */
final class FragmentLink {
  private FragmentLink() {}

  /**
   * The linked template, its problems logged (with the base template's lines); null when there is nothing to
   * link. {@code limits} is {@code warn}, {@code error} or null (as javac was told); {@code roles} scoped or sam.
   */
  static Linker.Result link(Path classes, File baseTemplate, String codeUri, String limits, String roles, Log log)
      throws MojoFailureException {
    if (!roles.equals("scoped") && !roles.equals("sam")) {
      throw new MojoFailureException("Stratus: stratus.roles is '" + roles + "'; write scoped or sam");
    }
    TemplateFile base;
    Linker.Result result;
    try {
      List<Source> fragments = FragmentFile.read(classes);
      base = baseTemplate.isFile() ? TemplateFile.read(baseTemplate.toPath()) : null;
      if (fragments.isEmpty() && base == null) {
        return null;
      }
      boolean limitsAsWarnings = limits == null ? FragmentFile.limitsAsWarnings(classes) : limits.equals("warn");
      result = Linker.link(fragments, base == null ? null : base.source(), codeUri, Linker.Options.defaults()
          .withLimitsAsWarnings(limitsAsWarnings).withSamRoles(roles.equals("sam")));
    } catch (TemplateException e) {
      throw new MojoFailureException("Stratus: " + e.getMessage());
    }
    for (Problem p : result.problems()) {
      String line = base == null ? p.describe() : base.describe(p);
      if (p.isError()) {
        log.error(line);
      } else {
        log.warn(line);
      }
    }
    return result;
  }

  /** {@code target}'s path from {@code template}'s folder, as a template's CodeUri writes it. */
  static String codeUri(Path template, Path target) {
    return template.toAbsolutePath().getParent().relativize(target.toAbsolutePath()).toString()
        .replace(File.separatorChar, '/');
  }
}
