package dev.stratus.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What a running {@code serve} tells {@code invoke} and {@code token}: the invoke API's address and this run's token,
 * the API's address (and the API key, which the startup lines do not print), next to the template, readable by its
 * owner only.
 */
record RunFile(Path file, URI invokeEndpoint, String token, URI api) {
  static final String NAME = ".stratus-local.json";

  static RunFile write(Path template, LocalServer server) {
    Path file = template.toAbsolutePath().getParent().resolve(NAME);
    URI api = URI.create("http://127.0.0.1:" + server.port());
    try {
      Files.deleteIfExists(file);
      try {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.write(file, Events.bytes(Events.JSON.createObjectNode()
          .put("invoke", server.invokeEndpoint().toString())
          .put("token", server.invokeToken())
          .put("api", api.toString())
          .put("apiKey", server.apiKey())));
    } catch (IOException e) {
      throw new LocalException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return new RunFile(file, server.invokeEndpoint(), server.invokeToken(), api);
  }

  /** The run file next to {@code template}, or null when no serve wrote one. */
  static RunFile find(Path template) {
    Path file = template.toAbsolutePath().getParent().resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode run = Events.JSON.readTree(file.toFile());
      return new RunFile(file, URI.create(run.path("invoke").asText()), run.path("token").asText(),
          URI.create(run.path("api").asText()));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  static void delete(Path template) {
    try {
      Files.deleteIfExists(template.toAbsolutePath().getParent().resolve(NAME));
    } catch (IOException ignored) {
      // a stale file is noticed by the next invoke
    }
  }
}
