package dev.stratus.template.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
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
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

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
    File jar;
    try {
      jar = repositorySystem.resolveArtifact(session, new ArtifactRequest(
          new DefaultArtifact("dev.stratus", "stratus-local", "jar", version), repositories, null)).getArtifact().getFile();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("Stratus: cannot resolve dev.stratus:stratus-local:" + version + ": " + e.getMessage(), e);
    }
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.getPath(), "serve", "--template", template.getPath()));
    command.addAll(serveOptions(args));
    getLog().info("Stratus: " + String.join(" ", command));
    Process process;
    try {
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException e) {
      throw new MojoExecutionException("Stratus: cannot start the local runtime: " + e.getMessage(), e);
    }
    Thread stop = new Thread(process::destroy);
    Runtime.getRuntime().addShutdownHook(stop);
    try {
      int code = process.waitFor();
      if (code != 0) {
        throw new MojoFailureException("Stratus: the local runtime exited with " + code + "; see above");
      }
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stop);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it stops the runtime
      }
    }
  }

  /** {@code -Dstratus.args}, split on blanks; Maven hands an unset property with an empty default as null. */
  static List<String> serveOptions(String args) {
    List<String> out = new ArrayList<>();
    for (String a : (args == null ? "" : args).trim().split("\\s+")) {
      if (!a.isEmpty()) {
        out.add(a);
      }
    }
    return out;
  }
}
