package dev.stratus.template;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * What CloudFormation and SAM say about each resource type: properties and their types, required ones,
 * GetAtt attributes, and Lambda runtimes. Derived from the official schemas by
 * {@code tools/gen_resource_specs.py}; loaded once, and each type parsed only when a template uses it.
 */
public final class ResourceSpecs {
  private static final String RESOURCE = "resource-specs.tsv";
  private static volatile ResourceSpecs instance;

  /** One resource type: its properties ({@code p}), required ones ({@code r}), attributes ({@code a}), definitions ({@code d}). */
  public record Spec(String type, Map<String, Object> root) {
    @SuppressWarnings("unchecked")
    public List<String> attributes() {
      return (List<String>) root.getOrDefault("a", List.of());
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> definitions() {
      return (Map<String, Object>) root.getOrDefault("d", Map.of());
    }
  }

  private final Map<String, String> raw;
  private final Map<String, Spec> parsed = new ConcurrentHashMap<>();
  private final Map<String, Object> runtimes;

  private ResourceSpecs(Map<String, String> raw, Map<String, Object> runtimes) {
    this.raw = raw;
    this.runtimes = runtimes;
  }

  public static ResourceSpecs get() {
    ResourceSpecs s = instance;
    if (s == null) {
      synchronized (ResourceSpecs.class) {
        s = instance;
        if (s == null) {
          s = load();
          instance = s;
        }
      }
    }
    return s;
  }

  private static ResourceSpecs load() {
    Map<String, String> raw = new HashMap<>(2048);
    String runtimes = "{}";
    try (InputStream in = ResourceSpecs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the Stratus jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        int tab = line.indexOf('\t');
        if (line.startsWith("#") || tab < 0) {
          continue;
        }
        if (line.startsWith("runtimes\t")) {
          runtimes = line.substring(tab + 1);
        } else {
          raw.put(line.substring(0, tab), line.substring(tab + 1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ResourceSpecs(raw, parse(runtimes));
  }

  /** Types whose schema CloudFormation publishes; others ({@code Custom::X}, modules, third party) are open. */
  public static boolean isChecked(String type) {
    return (type.startsWith("AWS::") || type.startsWith("Alexa::")) && !type.equals("AWS::CloudFormation::CustomResource")
        && !type.endsWith("::MODULE");
  }

  public Set<String> types() {
    return Collections.unmodifiableSet(raw.keySet());
  }

  public Spec spec(String type) {
    String json = raw.get(type);
    return json == null ? null : parsed.computeIfAbsent(type, t -> new Spec(t, parse(json)));
  }

  /** Runtime names Lambda knows. */
  @SuppressWarnings("unchecked")
  public List<String> knownRuntimes() {
    return (List<String>) runtimes.getOrDefault("known", List.of());
  }

  /** The lifecycle of a runtime ({@code deprecated}, {@code create-block}, {@code successor} dates and names), if any. */
  @SuppressWarnings("unchecked")
  public Map<String, String> runtimeLifecycle(String runtime) {
    Map<String, Object> all = (Map<String, Object>) runtimes.getOrDefault("lifecycle", Map.of());
    return (Map<String, String>) all.get(runtime);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit(Integer.MAX_VALUE);
    return (Map<String, Object>) new Yaml(options).load(json);
  }
}
