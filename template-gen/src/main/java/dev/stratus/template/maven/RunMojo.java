package dev.stratus.template.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Execute;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * {@code mvn stratus:run}: builds the project (to {@code package}, which writes the template) and serves its
 * template with the local runtime, {@code dev.stratus:stratus-local} of this plugin's version, in a JVM of its
 * own until Ctrl-C. {@code -Dstratus.args="--port 3001 --api-key dev"} passes serve's options.
 */
@Mojo(name = "run", threadSafe = true)
@Execute(phase = LifecyclePhase.PACKAGE)
public final class RunMojo extends AbstractMojo {
  @Parameter(property = "stratus.output", defaultValue = "${project.build.directory}/template.yaml")
  private File template;

  /** serve's options, split at spaces. */
  @Parameter(property = "stratus.args", defaultValue = "")
  private String args;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String version;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
  private RepositorySystemSession session;

  @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
  private List<RemoteRepository> repositories;

  @Component
  private RepositorySystem repositorySystem;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!template.isFile()) {
      throw new MojoFailureException("Stratus: no template at " + template + "; add the generate goal to the build"
          + " (see the README) or set -Dstratus.output");
    }
    List<String> options = new ArrayList<>(List.of("--template", template.getPath()));
    options.addAll(LocalRuntime.options(args));
    LocalRuntime serve = LocalRuntime.serve(LocalRuntime.jar(repositorySystem, session, repositories, version), options,
        getLog());
    try {
      if (!serve.await()) {
        throw new MojoFailureException("Stratus: the local runtime exited with " + serve.exitCode() + "; see above");
      }
    } catch (InterruptedException e) {
      serve.stop();
      Thread.currentThread().interrupt();
    }
  }
}
