package dev.stratus.template.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.Properties;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** stratus:dev compiles as the pom tells maven-compiler-plugin to. */
class CompilerSettingsTest {
  private static Xpp3Dom configuration(String xml) throws Exception {
    return Xpp3DomBuilder.build(new StringReader("<configuration>" + xml + "</configuration>"));
  }

  @Test
  void theStarterParentsSettings() throws Exception {
    Properties p = new Properties();
    p.setProperty("maven.compiler.release", "17");
    CompilerSettings s = CompilerSettings.of(configuration("""
        <annotationProcessorPaths>
          <path><groupId>dev.stratus</groupId><artifactId>stratus-processor</artifactId><version>1.2</version></path>
        </annotationProcessorPaths>"""), p, "UTF-8");
    assertThat(s.options()).containsExactly("--release", "17", "-encoding", "UTF-8");
    assertThat(s.processorPath()).containsExactly(
        new CompilerSettings.Coordinates("dev.stratus", "stratus-processor", "1.2", null, "jar"));
  }

  @Test
  void thePomsOwnSettingsOverTheProperties() throws Exception {
    Properties p = new Properties();
    p.setProperty("maven.compiler.release", "17");
    p.setProperty("maven.compiler.parameters", "true");
    CompilerSettings s = CompilerSettings.of(configuration("""
        <release>21</release><encoding>ISO-8859-1</encoding>
        <compilerArgs><arg>-Astratus.limits=warn</arg><arg>-Xlint:all</arg></compilerArgs>"""), p, "UTF-8");
    assertThat(s.options()).containsExactly("--release", "21", "-encoding", "ISO-8859-1", "-parameters",
        "-Astratus.limits=warn", "-Xlint:all");
    assertThat(s.processorPath()).isEmpty();
  }

  @Test
  void sourceAndTargetWithoutARelease() throws Exception {
    Properties p = new Properties();
    p.setProperty("maven.compiler.source", "11");
    p.setProperty("maven.compiler.target", "11");
    assertThat(CompilerSettings.of(null, p, null).options()).containsExactly("-source", "11", "-target", "11");
  }

  @Test
  void aProcessorWithoutAVersionTakesTheManagedOne() throws Exception {
    CompilerSettings s = CompilerSettings.of(configuration("""
        <annotationProcessorPaths><path><groupId>g</groupId><artifactId>a</artifactId>
        <classifier>all</classifier></path></annotationProcessorPaths>"""), new Properties(), null);
    assertThat(s.processorPath()).containsExactly(new CompilerSettings.Coordinates("g", "a", null, "all", "jar"));
  }
}
