package dev.stratus.template.maven;

import dev.stratus.template.link.Linker;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * {@code mvn stratus:dev}: serves the project, and on every save compiles it again (javac and the processor, in
 * this JVM and warm), links the template and has the next call run the new code. The code is served from a class
 * folder and the dependencies' jars, not a shaded jar. A compile error is printed and the last code that compiled
 * goes on serving. {@code -Dstratus.args} passes serve's options.
 *
 * <p>Everything lives under {@code target/stratus/dev}: {@code classes} (what is served), {@code template.yaml}
 * (CodeUri {@code classes}; serve restarts the stack when its text changes, and replaces the functions' JVMs when
 * only the code does), {@code state} (tables and objects, kept across restarts and runs; {@code mvn clean}
 * forgets them).
 */
@Mojo(name = "dev", requiresDependencyResolution = ResolutionScope.COMPILE_PLUS_RUNTIME, threadSafe = true)
public final class DevMojo extends AbstractMojo {
  private static final long POLL_MILLIS = 100;

  @Parameter(defaultValue = "${project}", readonly = true)
  private MavenProject project;

  @Parameter(property = "stratus.baseTemplate", defaultValue = "${project.basedir}/src/main/cloudformation/template.yaml")
  private File baseTemplate;

  /** serve's options, split at spaces. */
  @Parameter(property = "stratus.args", defaultValue = "")
  private String args;

  @Parameter(property = "stratus.dev.directory", defaultValue = "${project.build.directory}/stratus/dev")
  private File directory;

  /** As for generate: {@code warn} makes CloudFormation's limits warnings. */
  @Parameter(property = "stratus.limits")
  private String limits;

  /** As for generate: {@code scoped} or {@code sam}. */
  @Parameter(property = "stratus.roles", defaultValue = "scoped")
  private String roles;

  @Parameter(defaultValue = "${plugin.version}", readonly = true)
  private String version;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
  private RepositorySystemSession session;

  @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true)
  private List<RemoteRepository> pluginRepositories;

  @Component
  private RepositorySystem repositorySystem;

  private Path classes;
  private Path template;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path dir = directory.toPath().toAbsolutePath();
    classes = dir.resolve("classes");
    template = dir.resolve("template.yaml");
    Path target = Path.of(project.getBuild().getDirectory()).toAbsolutePath();
    Path output = Path.of(project.getBuild().getOutputDirectory()).toAbsolutePath();
    List<Path> sources = new ArrayList<>();
    for (String root : project.getCompileSourceRoots()) {
      // javac's own generated sources from an earlier mvn compile: the processor writes them again here
      if (!Path.of(root).toAbsolutePath().startsWith(target.resolve("generated-sources").resolve("annotations"))) {
        sources.add(Path.of(root).toAbsolutePath());
      }
    }
    List<Path> resources = new ArrayList<>();
    for (Resource r : project.getResources()) {
      resources.add(Path.of(r.getDirectory()).toAbsolutePath());
    }
    Xpp3Dom compilerConfiguration = null;
    Plugin compiler = project.getPlugin("org.apache.maven.plugins:maven-compiler-plugin");
    if (compiler != null && compiler.getConfiguration() instanceof Xpp3Dom c) {
      compilerConfiguration = c;
    }
    String encoding = project.getProperties().getProperty("project.build.sourceEncoding");
    CompilerSettings settings = CompilerSettings.of(compilerConfiguration, project.getProperties(), encoding);
    List<String> options = new ArrayList<>(settings.options());
    if (baseTemplate.isFile()) {
      // the processor finds it next to target/classes; these classes are elsewhere
      options.add("-Astratus.baseTemplate=" + baseTemplate.getAbsolutePath());
    }
    List<Path> functionClasspath = new ArrayList<>(resources.stream().filter(Files::isDirectory).toList());
    functionClasspath.addAll(elements(runtimeClasspath(), output));
    List<Path> watched = new ArrayList<>(sources);
    watched.addAll(resources);
    watched.add(baseTemplate.toPath().toAbsolutePath());
    SourceWatch watch = new SourceWatch(watched);
    File jar = LocalRuntime.jar(repositorySystem, session, pluginRepositories, version);
    try (DevCompiler javac = new DevCompiler(elements(compileClasspath(), output),
        processorPath(settings.processorPath()), options, encoding == null ? Charset.defaultCharset()
            : Charset.forName(encoding))) {
      getLog().info("Stratus: compiling " + project.getArtifactId() + " into " + classes);
      while (!build(javac, sources, dir)) {
        getLog().info("Stratus: waiting for a save that compiles");
        awaitChange(watch, null);
      }
      List<String> serve = new ArrayList<>(List.of("--template", template.toString(), "--classpath",
          String.join(File.pathSeparator, functionClasspath.stream().map(Path::toString).toList())));
      List<String> user = LocalRuntime.options(args);
      if (!user.contains("--state")) {
        serve.addAll(List.of("--state", dir.resolve("state").toString()));
      }
      serve.addAll(user);
      LocalRuntime runtime = LocalRuntime.serve(jar, serve, getLog());
      getLog().info("Stratus: serving " + template + "; save a file and the next call runs it (Ctrl-C stops)");
      try {
        while (runtime.isAlive()) {
          if (awaitChange(watch, runtime)) {
            build(javac, sources, dir);
          }
        }
        if (!runtime.await()) {
          throw new MojoFailureException("Stratus: the local runtime exited with " + runtime.exitCode() + "; see above");
        }
      } finally {
        runtime.stop();
      }
    } catch (IOException e) {
      throw new MojoExecutionException("Stratus: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Waits for a save; false when serve ended first. */
  private static boolean awaitChange(SourceWatch watch, LocalRuntime runtime) throws InterruptedException {
    while (runtime == null || runtime.isAlive()) {
      if (watch.changed()) {
        return true;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return false;
  }

  /**
   * Compiles everything into a fresh folder and links its template; only when both succeed does the folder replace
   * the served one and the template the served one. True when there is code to serve.
   */
  private boolean build(DevCompiler javac, List<Path> sources, Path dir) throws IOException, MojoFailureException {
    long start = System.nanoTime();
    Path next = dir.resolve("classes.next");
    DevCompiler.Outcome compiled = javac.compile(sources, next, dir.resolve("generated"));
    compiled.warnings().forEach(getLog()::warn);
    compiled.errors().forEach(getLog()::error);
    boolean serving = Files.isRegularFile(template);
    String still = serving ? "; the last code that compiled is still served" : "";
    if (!compiled.ok()) {
      getLog().error("Stratus: " + compiled.errors().size() + " compile error(s)" + still);
      return false;
    }
    Linker.Result linked = FragmentLink.link(next, baseTemplate, FragmentLink.codeUri(template, classes), limits, roles,
        getLog());
    if (linked == null) {
      getLog().error("Stratus: no annotated types and no base template: nothing to serve");
      return false;
    }
    if (!linked.ok()) {
      getLog().error("Stratus: the template has " + linked.errors().size() + " error(s)" + still);
      return false;
    }
    DevCompiler.delete(classes);
    Files.move(next, classes, StandardCopyOption.ATOMIC_MOVE);
    // serve sees new code by the folder's time: replace its functions' JVMs
    Files.setLastModifiedTime(classes, FileTime.from(Instant.now()));
    String before = serving ? Files.readString(template, StandardCharsets.UTF_8) : null;
    boolean changed = !linked.yaml().equals(before);
    if (changed) {
      // whole or not at all: serve reads it as soon as it changes
      Path written = Files.writeString(dir.resolve("template.yaml.next"), linked.yaml(), StandardCharsets.UTF_8);
      Files.move(written, template, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
    getLog().info(String.format("Stratus: compiled %d file(s) in %.1f s%s", compiled.sources(),
        (System.nanoTime() - start) / 1e9, !serving ? "" : changed ? "; the template changed: the stack restarts"
            : "; the next call runs the new code"));
    return true;
  }

  private List<String> compileClasspath() throws MojoExecutionException {
    try {
      return project.getCompileClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("Stratus: " + e.getMessage(), e);
    }
  }

  private List<String> runtimeClasspath() throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("Stratus: " + e.getMessage(), e);
    }
  }

  /** The class path's entries but Maven's own class output, which holds what mvn compile made, not this loop. */
  private static List<Path> elements(List<String> classpath, Path output) {
    return classpath.stream().map(p -> Path.of(p).toAbsolutePath()).filter(p -> !p.equals(output))
        .filter(Files::exists).toList();
  }

  /** The jars of {@code annotationProcessorPaths}, each with its dependencies, as the compiler plugin resolves them. */
  private List<Path> processorPath(List<CompilerSettings.Coordinates> coordinates)
      throws MojoExecutionException, MojoFailureException {
    List<Path> out = new ArrayList<>();
    for (CompilerSettings.Coordinates c : coordinates) {
      String v = c.version() != null ? c.version() : managedVersion(c);
      CollectRequest collect = new CollectRequest(new org.eclipse.aether.graph.Dependency(new DefaultArtifact(
          c.groupId(), c.artifactId(), c.classifier(), c.type(), v), "runtime"), project.getRemoteProjectRepositories());
      try {
        for (ArtifactResult r : repositorySystem.resolveDependencies(session, new DependencyRequest(collect, null))
            .getArtifactResults()) {
          out.add(r.getArtifact().getFile().toPath());
        }
      } catch (DependencyResolutionException e) {
        throw new MojoExecutionException("Stratus: cannot resolve the annotation processor " + c.groupId() + ":"
            + c.artifactId() + ":" + v + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private String managedVersion(CompilerSettings.Coordinates c) throws MojoFailureException {
    if (project.getDependencyManagement() != null) {
      for (Dependency d : project.getDependencyManagement().getDependencies()) {
        if (d.getGroupId().equals(c.groupId()) && d.getArtifactId().equals(c.artifactId())) {
          return d.getVersion();
        }
      }
    }
    throw new MojoFailureException("Stratus: the annotation processor " + c.groupId() + ":" + c.artifactId()
        + " of maven-compiler-plugin's annotationProcessorPaths has no version, and the project manages none:"
        + " give its <path> a <version>, or manage it in <dependencyManagement>");
  }
}
