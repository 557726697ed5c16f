package dev.stratus.template.maven;

import dev.stratus.template.connect.Permissions;
import dev.stratus.template.connect.PermissionsDiff;
import dev.stratus.template.link.Linker;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes {@code target/template.yaml}: the processor's fragments merged with the optional base template,
 * every function's {@code CodeUri} pointing at the jar this build produced. Runs after the plugin that
 * builds that jar (declare it after shade in the same phase).
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
  private File classesDirectory;

  @Parameter(property = "stratus.baseTemplate", defaultValue = "${project.basedir}/src/main/cloudformation/template.yaml")
  private File baseTemplate;

  @Parameter(property = "stratus.output", defaultValue = "${project.build.directory}/template.yaml")
  private File output;

  /** The deployable artifact; CodeUri is written relative to the output template. */
  @Parameter(property = "stratus.codeArtifact", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
  private File codeArtifact;

  @Parameter(property = "stratus.skip", defaultValue = "false")
  private boolean skip;

  /**
   * {@code warn} makes CloudFormation's limits warnings, for builds that split the template afterwards. Unset,
   * it follows the compilation: {@code -Astratus.limits=warn} given to javac is recorded with the fragments.
   */
  @Parameter(property = "stratus.limits")
  private String limits;

  /**
   * {@code scoped} (the default): each function gets a role of its own, scoped to what it declares; {@code sam}
   * leaves it the role SAM makes, with SAM's managed policies on {@code *}.
   */
  @Parameter(property = "stratus.roles", defaultValue = "scoped")
  private String roles;

  /**
   * The committed copy of {@code permissions.json} this build's permissions are compared with: a widening (an
   * action on a resource it does not cover, a policy, a function) fails the build or warns, see
   * {@link #onWidening}. Absent, nothing is compared.
   */
  @Parameter(property = "stratus.permissions.baseline", defaultValue = "${project.basedir}/permissions.json")
  private File permissionsBaseline;

  /** {@code fail} (the default) or {@code warn}: what a widening of the permissions does to the build. */
  @Parameter(property = "stratus.permissions.onWidening", defaultValue = "fail")
  private String onWidening;

  /** Writes this build's permissions over the committed copy: the change is reviewed, and accepted. */
  @Parameter(property = "stratus.permissions.accept", defaultValue = "false")
  private boolean acceptPermissions;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Stratus template generation skipped");
      return;
    }
    if (!codeArtifact.isFile()) {
      throw new MojoFailureException("Stratus: the code artifact " + codeArtifact + " does not exist. Run the goal in the"
          + " package phase after the plugin that builds the jar (e.g. declare it after maven-shade-plugin), or set"
          + " <codeArtifact>.");
    }
    Path out = output.toPath().toAbsolutePath();
    String codeUri = FragmentLink.codeUri(out, codeArtifact.toPath());
    Linker.Result result = FragmentLink.link(classesDirectory.toPath(), baseTemplate, codeUri, limits, roles, getLog());
    if (result == null) {
      getLog().warn("Stratus: no annotated types and no base template; nothing to write");
      return;
    }
    if (!result.ok()) {
      throw new MojoFailureException("Stratus: the template has " + result.errors().size() + " error(s); see above");
    }
    Path report = out.getParent().resolve("stratus");
    String permissions = Permissions.json(result.template());
    try {
      // What each function may do, for review next to the template: Markdown (with a Mermaid picture) and JSON.
      Files.createDirectories(report);
      Files.writeString(report.resolve("permissions.md"), Permissions.markdown(result.template()), StandardCharsets.UTF_8);
      Files.writeString(report.resolve("permissions.json"), permissions, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Stratus: cannot write " + report, e);
    }
    comparePermissions(permissions); // before the template: a refused widening leaves none to deploy
    try {
      Files.writeString(out, result.yaml(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("Stratus: cannot write " + out, e);
    }
    getLog().info("Stratus: wrote " + out + " (" + result.template().resources().size() + " resources, CodeUri "
        + codeUri + ") and " + report.resolve("permissions.md"));
  }

  /** This build's permissions against the committed copy: widening fails (or warns), narrowing is told. */
  private void comparePermissions(String now) throws MojoExecutionException, MojoFailureException {
    Path baseline = permissionsBaseline.toPath();
    if (!onWidening.equals("fail") && !onWidening.equals("warn")) {
      throw new MojoFailureException("Stratus: stratus.permissions.onWidening is '" + onWidening + "'; write fail or warn");
    }
    try {
      if (acceptPermissions) {
        Files.writeString(baseline, now, StandardCharsets.UTF_8);
        getLog().info("Stratus: accepted this build's permissions into " + baseline);
        return;
      }
      if (!Files.isRegularFile(baseline)) {
        getLog().info("Stratus: no " + baseline.getFileName() + " to compare the permissions with; commit one"
            + " (-Dstratus.permissions.accept writes it) to have widening reported");
        return;
      }
      PermissionsDiff.Result diff;
      try {
        diff = PermissionsDiff.compare(Files.readString(baseline), now);
      } catch (IllegalArgumentException e) {
        throw new MojoFailureException("Stratus: " + baseline + ": " + e.getMessage() + "; write it anew with"
            + " -Dstratus.permissions.accept");
      }
      for (PermissionsDiff.Change c : diff.narrowed()) {
        getLog().info("Stratus: narrower than " + baseline.getFileName() + ": " + c);
      }
      if (diff.widened().isEmpty()) {
        getLog().info(diff.narrowed().isEmpty() ? "Stratus: the permissions are those of " + baseline
            : "Stratus: update the committed copy with -Dstratus.permissions.accept");
        return;
      }
      for (PermissionsDiff.Change c : diff.widened()) {
        String line = "Stratus: wider than " + baseline.getFileName() + ": " + c;
        if (onWidening.equals("warn")) {
          getLog().warn(line);
        } else {
          getLog().error(line);
        }
      }
      String what = diff.widened().size() + " permission(s) beyond the committed " + baseline;
      if (onWidening.equals("fail")) {
        Files.deleteIfExists(output.toPath()); // an older template must not pass for this build's
        throw new MojoFailureException("Stratus: the functions have " + what + "; if the change is meant, accept it"
            + " with -Dstratus.permissions.accept and commit the file (target/stratus/permissions.md shows them all)");
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Stratus: cannot read or write " + baseline, e);
    }
  }
}
