package dev.stratus.template.check;

import dev.stratus.template.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * What CloudFormation and SAM say about each resource type: properties and their types, required ones,
 * GetAtt attributes, Lambda runtimes, SAM's policy templates and the managed policy names it knows. Derived
 * from the official schemas by {@code tools/gen_resource_specs.py}; read once, and each part decoded and parsed
 * only when a template uses it.
 */
public final class ResourceSpecs {
  private static final String RESOURCE = "resource-specs.tsv";
  private static final String POLICY_TEMPLATES = "policy-templates";
  private static final String MANAGED_POLICIES = "managed-policies";
  private static final String GLOBALS = "globals";
  private static final String CONNECTORS = "connectors";
  private static final String IAM_ACTIONS = "iam-actions";
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

  /** The file's bytes, and where each type's JSON lies in them: decoded and parsed only when asked for. */
  private final byte[] data;
  private final Map<String, int[]> index;
  private final Map<String, Spec> parsed = new ConcurrentHashMap<>();
  private final Map<String, Object> runtimes;
  /** The lines of SAM's own vocabulary, parsed when first asked for. */
  private final Map<String, int[]> samLines;
  private final Map<String, Object> samParsed = new ConcurrentHashMap<>();

  private ResourceSpecs(byte[] data, Map<String, int[]> index, Map<String, Object> runtimes,
      Map<String, int[]> samLines) {
    this.data = data;
    this.index = index;
    this.runtimes = runtimes;
    this.samLines = samLines;
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
    byte[] data;
    try (InputStream in = ResourceSpecs.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the Stratus jar");
      }
      data = in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Lines are "Type<TAB>{json}"; only the names are decoded here (2 MB of text otherwise).
    Map<String, int[]> index = new HashMap<>(2048);
    Map<String, Object> runtimes = Map.of();
    Map<String, int[]> samLines = new HashMap<>();
    for (int start = 0; start < data.length; ) {
      int end = start;
      int tab = -1;
      while (end < data.length && data[end] != '\n') {
        if (tab < 0 && data[end] == '\t') {
          tab = end;
        }
        end++;
      }
      if (tab > 0 && data[start] != '#') {
        String name = new String(data, start, tab - start, StandardCharsets.UTF_8);
        int[] json = {tab + 1, end - tab - 1};
        if (name.equals("runtimes")) {
          runtimes = parse(new String(data, json[0], json[1], StandardCharsets.UTF_8));
        } else if (name.equals(POLICY_TEMPLATES) || name.equals(MANAGED_POLICIES) || name.equals(GLOBALS)
            || name.equals(CONNECTORS) || name.equals(IAM_ACTIONS)) {
          samLines.put(name, json);
        } else {
          index.put(name, json);
        }
      }
      start = end + 1;
    }
    return new ResourceSpecs(data, index, runtimes, samLines);
  }

  /** Types whose schema CloudFormation publishes; others ({@code Custom::X}, modules, third party) are open. */
  public static boolean isChecked(String type) {
    return (type.startsWith("AWS::") || type.startsWith("Alexa::")) && !type.equals("AWS::CloudFormation::CustomResource")
        && !type.endsWith("::MODULE");
  }

  public Set<String> types() {
    return Collections.unmodifiableSet(index.keySet());
  }

  public Spec spec(String type) {
    int[] at = index.get(type);
    return at == null ? null : parsed.computeIfAbsent(type,
        t -> new Spec(t, parse(new String(data, at[0], at[1], StandardCharsets.UTF_8))));
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

  /** SAM's policy templates, each with the names of its parameters. */
  @SuppressWarnings("unchecked")
  public Map<String, List<String>> policyTemplates() {
    return (Map<String, List<String>>) samLine(POLICY_TEMPLATES, Map.of());
  }

  /** The sections of {@code Globals} ({@code Function}, {@code Api}, …), each with the properties SAM applies from it. */
  @SuppressWarnings("unchecked")
  public Map<String, List<String>> globalsSections() {
    return (Map<String, List<String>>) samLine(GLOBALS, Map.of());
  }

  /**
   * SAM's connector profiles with a Lambda function as the source: per destination type, {@code arn} (the
   * intrinsic that gives its ARN, {@code %{logicalId}} for the resource) and {@code access}, each category
   * ({@code Read}, {@code Write}) a list of statements' {@code Action} and {@code Resource} forms
   * ({@code %{Destination.Arn}/index/*}).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, Object>> connectorProfiles() {
    return (Map<String, Map<String, Object>>) samLine(CONNECTORS, Map.of());
  }

  /**
   * The IAM actions of the connector profiles' services, by service prefix, lower case ({@code putitem}), each
   * with the IAM resource types it applies to ({@code table}, {@code index}).
   */
  @SuppressWarnings("unchecked")
  public Map<String, Map<String, List<String>>> iamActions() {
    return (Map<String, Map<String, List<String>>>) samLine(IAM_ACTIONS, Map.of());
  }

  /** The AWS managed policy names SAM resolves to ARNs. */
  @SuppressWarnings("unchecked")
  public Set<String> managedPolicies() {
    List<String> names = (List<String>) samLine(MANAGED_POLICIES, List.of());
    return (Set<String>) samParsed.computeIfAbsent(MANAGED_POLICIES + " as a set", k -> Set.copyOf(names));
  }

  /** One line of SAM's vocabulary, parsed the first time it is asked for. */
  private Object samLine(String name, Object absent) {
    return samParsed.computeIfAbsent(name, n -> {
      int[] at = samLines.get(n);
      return at == null ? absent : plain(YamlReader.compose(new String(data, at[0], at[1], StandardCharsets.UTF_8)));
    });
  }

  /** The JSON of one line as plain maps, lists and strings. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String json) {
    return (Map<String, Object>) plain(YamlReader.compose(json));
  }

  private static Object plain(Node node) {
    if (node instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    if (node instanceof SequenceNode seq) {
      List<Object> items = new ArrayList<>(seq.getValue().size());
      seq.getValue().forEach(n -> items.add(plain(n)));
      return items;
    }
    Map<String, Object> entries = new LinkedHashMap<>();
    for (NodeTuple t : ((MappingNode) node).getValue()) {
      entries.put(((ScalarNode) t.getKeyNode()).getValue(), plain(t.getValueNode()));
    }
    return entries;
  }
}
