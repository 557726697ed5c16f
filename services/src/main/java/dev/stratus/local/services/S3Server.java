package dev.stratus.local.services;

import java.net.URI;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/** s3proxy in this JVM on a free loopback port, checking SigV4 signatures (presigned URLs included). */
public final class S3Server implements AutoCloseable {
  private final S3Proxy proxy;
  private final URI endpoint;

  private S3Server(S3Proxy proxy) {
    this.proxy = proxy;
    this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** {@code cors} may be null; s3proxy has one CORS configuration for all buckets (its PutBucketCors is missing). */
  public static S3Server start(BlobStore store, String accessKey, String secretKey, CrossOriginResourceSharing cors) {
    S3Proxy.Builder builder = S3Proxy.builder()
        .blobStore(store)
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey);
    if (cors != null) {
      builder.corsRules(cors);
    }
    S3Proxy proxy = builder.build();
    try {
      proxy.start();
      for (int i = 0; i < 500 && !"STARTED".equals(proxy.getState()); i++) {
        Thread.sleep(10);
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot start local S3 (s3proxy): " + e.getMessage(), e);
    }
    return new S3Server(proxy);
  }

  public URI endpoint() {
    return endpoint;
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
