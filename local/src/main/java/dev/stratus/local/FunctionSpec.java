package dev.stratus.local;

import dev.stratus.template.Lambda;
import dev.stratus.template.Resource;
import dev.stratus.template.Value;
import dev.stratus.template.Value.Mapping;
import dev.stratus.template.events.SamEvent;
import dev.stratus.template.events.SamEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What it takes to run one function as Lambda would: its handler, code, memory, timeout and environment,
 * with {@code Globals} applied and every intrinsic resolved against the local stack. {@code libraries} follow
 * the code on its class path: the dependencies of a {@code CodeUri} that is a class folder (stratus:dev).
 */
record FunctionSpec(String logicalId, String name, String handler, Path code, List<Path> libraries, int memoryMb,
    int timeoutSeconds, Map<String, String> environment, Map<String, SamEvent> events, boolean snapStart) {

  static Map<String, FunctionSpec> all(LocalStack stack) {
    Map<String, FunctionSpec> out = new LinkedHashMap<>();
    stack.ofType(Resource.SERVERLESS_FUNCTION).forEach((id, r) -> out.put(id, of(stack, id, r)));
    return out;
  }

  private static FunctionSpec of(LocalStack stack, String id, Resource r) {
    Mapping globals = globals(stack);
    Mapping p = r.properties();
    String runtime = text(stack, p, globals, "Runtime", Lambda.DEFAULT_RUNTIME);
    if (!runtime.startsWith("java")) {
      throw new LocalException(id + " runs on " + runtime + "; the local runtime runs Java functions only");
    }
    String codeUri = text(stack, p, globals, "CodeUri", null);
    if (codeUri == null || codeUri.startsWith("s3://")) {
      throw new LocalException(id + " has no local CodeUri (got " + codeUri + "); run the template that mvn package wrote");
    }
    Path code = stack.templateDir.resolve(codeUri).normalize();
    if (!Files.exists(code)) {
      throw new LocalException(id + "'s code " + code + " does not exist; build it first (mvn -B package -DskipTests)");
    }
    Map<String, String> env = new LinkedHashMap<>();
    variables(stack, globals, env);
    variables(stack, p, env);
    return new FunctionSpec(id, stack.physicalName(id), text(stack, p, globals, "Handler", null), code, List.of(),
        Integer.parseInt(text(stack, p, globals, "MemorySize", Integer.toString(Lambda.DEFAULT_MEMORY_MB))),
        Integer.parseInt(text(stack, p, globals, "Timeout", Integer.toString(Lambda.DEFAULT_TIMEOUT_SECONDS))),
        env, SamEvents.of(r), snapStart(p, globals));
  }

  /** The same function with {@code env} as its environment and {@code libs} after its code. */
  FunctionSpec with(Map<String, String> env, List<Path> libs) {
    return new FunctionSpec(logicalId, name, handler, code, libs, memoryMb, timeoutSeconds, env, events, snapStart);
  }

  /** Where Lambda unpacks the code: the folder itself, or the one that holds the jar. */
  Path taskRoot() {
    return Files.isDirectory(code) ? code : code.getParent();
  }

  private static boolean snapStart(Mapping p, Mapping globals) {
    Value v = p.get("SnapStart") != null ? p.get("SnapStart") : globals.get("SnapStart");
    return v instanceof Mapping m && m.get("ApplyOn") instanceof Value.Str on
        && "PublishedVersions".equals(on.value());
  }

  /** A function's property with {@code Globals} applied, resolved; null when neither sets it. */
  static String property(LocalStack stack, Resource r, String key) {
    return text(stack, r.properties(), globals(stack), key, null);
  }

  private static Mapping globals(LocalStack stack) {
    return stack.template.globals().get("Function") instanceof Mapping g ? g : Mapping.EMPTY;
  }

  private static String text(LocalStack stack, Mapping p, Mapping globals, String key, String fallback) {
    Value v = p.get(key) != null ? p.get(key) : globals.get(key);
    return v == null ? fallback : String.valueOf(stack.evaluate(v));
  }

  private static void variables(LocalStack stack, Mapping properties, Map<String, String> env) {
    if (properties.get("Environment") instanceof Mapping e && e.get("Variables") instanceof Mapping vars) {
      vars.entries().forEach((k, v) -> {
        Object value = stack.evaluate(v);
        if (value != LocalStack.NO_VALUE) {
          env.put(k, String.valueOf(value));
        }
      });
    }
  }
}
