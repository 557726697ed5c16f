package dev.stratus.local;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3 for the stack: an in-memory s3proxy that checks SigV4 signatures (presigned URLs included), with the
 * template's buckets created and their CORS rules applied, reporting every change.
 */
final class LocalS3 implements AutoCloseable {
  private final S3Proxy proxy;
  private final NotifyingBlobStore store;
  final URI endpoint;

  @SuppressWarnings("unchecked")
  LocalS3(LocalStack stack, Consumer<NotifyingBlobStore.Change> listener) {
    store = new NotifyingBlobStore(new TransientNio2BlobStore(), listener);
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
    S3Proxy.Builder builder = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, LocalServer.ACCESS_KEY, LocalServer.SECRET_KEY);
    if (!origins.isEmpty()) {
      builder.corsRules(new CrossOriginResourceSharing(new ArrayList<>(origins), new ArrayList<>(methods),
          new ArrayList<>(headers), new ArrayList<>(exposed), "false"));
    }
    proxy = builder.build();
    try {
      proxy.start();
      for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new LocalException("cannot start local S3: " + e.getMessage(), e);
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    for (String id : stack.ofType("AWS::S3::Bucket").keySet()) {
      store.createContainer(stack.physicalName(id));
    }
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
    try {
      proxy.stop();
    } catch (Exception ignored) {
      // stopping anyway
    }
  }
}
