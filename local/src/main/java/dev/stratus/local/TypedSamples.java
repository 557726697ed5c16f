package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stratus.template.Resource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The sample JSON the processor wrote for a typed method (its body, message or input, filled by type), read
 * from the function's code: {@code META-INF/stratus/samples/<handler class>.json}, by method. A class handler,
 * or code not built yet, has none, and gets the generic samples.
 */
final class TypedSamples {
  private static final String DIR = "META-INF/stratus/samples/";

  private TypedSamples() {}

  /** The sample for {@code function}'s typed method, as JSON text, or null. */
  static String of(LocalStack stack, Resource function) {
    String handler = FunctionSpec.property(stack, function, "Handler");
    String codeUri = FunctionSpec.property(stack, function, "CodeUri");
    int colons = handler == null ? -1 : handler.indexOf("::");
    if (colons < 0 || codeUri == null || codeUri.startsWith("s3://")) {
      return null;
    }
    String resource = DIR + handler.substring(0, colons) + ".json";
    Path code = stack.templateDir.resolve(codeUri).normalize();
    try {
      JsonNode samples;
      if (Files.isDirectory(code)) {
        Path file = code.resolve(resource);
        if (!Files.isRegularFile(file)) {
          return null;
        }
        samples = Events.JSON.readTree(file.toFile());
      } else if (Files.isRegularFile(code)) {
        try (ZipFile jar = new ZipFile(code.toFile())) {
          ZipEntry entry = jar.getEntry(resource);
          if (entry == null) {
            return null;
          }
          try (InputStream in = jar.getInputStream(entry)) {
            samples = Events.JSON.readTree(in);
          }
        }
      } else {
        return null;
      }
      JsonNode sample = samples.get(handler.substring(colons + 2));
      return sample == null ? null : Events.JSON.writeValueAsString(sample);
    } catch (IOException e) {
      return null; // a jar being rebuilt: the generic sample will do
    }
  }
}
