package dev.stratus.template.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * What {@code maven-compiler-plugin} is told in a pom, read for {@code stratus:dev}'s own compiles: javac's
 * options and the annotation processor path's coordinates (the Stratus processor's, in a project on the starter
 * parent). A setting the plugin takes from a property ({@code maven.compiler.release}) is read there too.
 */
record CompilerSettings(List<String> options, List<Coordinates> processorPath) {
  /** One {@code <path>} of {@code annotationProcessorPaths}; a null version is the project's managed one. */
  record Coordinates(String groupId, String artifactId, String version, String classifier, String type) {}

  static CompilerSettings of(Xpp3Dom configuration, Properties properties, String encoding) {
    Xpp3Dom c = configuration == null ? new Xpp3Dom("configuration") : configuration;
    List<String> options = new ArrayList<>();
    String release = setting(c, "release", properties, "maven.compiler.release");
    if (release != null) {
      options.addAll(List.of("--release", release));
    } else {
      String source = setting(c, "source", properties, "maven.compiler.source");
      String target = setting(c, "target", properties, "maven.compiler.target");
      if (source != null) {
        options.addAll(List.of("-source", source));
      }
      if (target != null) {
        options.addAll(List.of("-target", target));
      }
    }
    String charset = setting(c, "encoding", properties, "project.build.sourceEncoding");
    if (charset != null || encoding != null) {
      options.addAll(List.of("-encoding", charset != null ? charset : encoding));
    }
    if ("true".equals(setting(c, "parameters", properties, "maven.compiler.parameters"))) {
      options.add("-parameters");
    }
    Xpp3Dom args = c.getChild("compilerArgs");
    if (args != null) {
      for (Xpp3Dom arg : args.getChildren()) {
        if (arg.getValue() != null) {
          options.add(arg.getValue().strip());
        }
      }
    }
    Xpp3Dom arg = c.getChild("compilerArgument");
    if (arg != null && arg.getValue() != null) {
      options.add(arg.getValue().strip());
    }
    List<Coordinates> path = new ArrayList<>();
    Xpp3Dom paths = c.getChild("annotationProcessorPaths");
    if (paths != null) {
      for (Xpp3Dom p : paths.getChildren()) {
        path.add(new Coordinates(value(p, "groupId"), value(p, "artifactId"), value(p, "version"),
            value(p, "classifier"), value(p, "type") == null ? "jar" : value(p, "type")));
      }
    }
    return new CompilerSettings(List.copyOf(options), List.copyOf(path));
  }

  private static String setting(Xpp3Dom c, String name, Properties properties, String property) {
    String v = value(c, name);
    return v != null ? v : properties.getProperty(property);
  }

  private static String value(Xpp3Dom parent, String name) {
    Xpp3Dom child = parent.getChild(name);
    if (child == null || child.getValue() == null || child.getValue().isBlank()) {
      return null;
    }
    return child.getValue().strip();
  }
}
