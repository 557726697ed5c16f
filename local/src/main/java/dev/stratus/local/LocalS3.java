package dev.stratus.local;

import dev.stratus.local.services.S3Server;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3 for the stack: an s3proxy (in memory, or in a folder with --state) that checks SigV4 signatures (presigned URLs included), with the
 * template's buckets created and their CORS rules applied, reporting every change.
 */
final class LocalS3 implements AutoCloseable {
  private final S3Server server;
  private final NotifyingBlobStore store;
  final URI endpoint;

  @SuppressWarnings("unchecked")
  LocalS3(LocalStack stack, Path state, Consumer<NotifyingBlobStore.Change> listener) {
    store = new NotifyingBlobStore(state == null ? new TransientNio2BlobStore() : kept(state), listener);
    // s3proxy has one CORS configuration for all buckets: the union of the template's rules.
    Set<String> origins = new LinkedHashSet<>();
    Set<String> methods = new LinkedHashSet<>();
    Set<String> headers = new LinkedHashSet<>();
    Set<String> exposed = new LinkedHashSet<>();
    stack.ofType("AWS::S3::Bucket").forEach((id, bucket) -> {
      Object cors = ((Map<String, Object>) stack.evaluate(bucket.properties())).get("CorsConfiguration");
      if (cors instanceof Map<?, ?> c && c.get("CorsRules") instanceof List<?> rules) {
        for (Object rule : rules) {
          Map<String, Object> r = (Map<String, Object>) rule;
          origins.addAll(strings(r.get("AllowedOrigins")));
          methods.addAll(strings(r.get("AllowedMethods")));
          headers.addAll(strings(r.get("AllowedHeaders")));
          exposed.addAll(strings(r.get("ExposedHeaders")));
        }
      }
    });
    CrossOriginResourceSharing cors = origins.isEmpty() ? null : new CrossOriginResourceSharing(
        new ArrayList<>(origins), new ArrayList<>(methods), new ArrayList<>(headers), new ArrayList<>(exposed), "false");
    try {
      server = S3Server.start(store, LocalServer.ACCESS_KEY, LocalServer.SECRET_KEY, cors);
    } catch (IllegalStateException e) {
      throw new LocalException(e.getMessage(), e);
    }
    endpoint = server.endpoint();
    for (String id : stack.ofType("AWS::S3::Bucket").keySet()) {
      if (!store.containerExists(stack.physicalName(id))) { // kept from an earlier run with --state
        store.createContainer(stack.physicalName(id));
      }
    }
  }

  /** Objects kept in {@code dir} across runs (--state). */
  private static BlobStore kept(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LocalException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    return new FilesystemNio2BlobStore(dir.toAbsolutePath().toString());
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(v -> out.add(String.valueOf(v)));
    }
    return out;
  }

  @Override
  public void close() {
    server.close();
  }
}
