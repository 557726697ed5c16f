package dev.stratus.filestore;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link BlobStore} on one S3 bucket; objects are keyed by file id. */
public final class S3BlobStore implements BlobStore {
  private final Supplier<S3Client> client;
  private final Supplier<S3Presigner> presigner;
  private final String bucket;

  /** Clients come through suppliers so that a function builds only the ones it uses. */
  public S3BlobStore(Supplier<S3Client> client, Supplier<S3Presigner> presigner, String bucket) {
    this.client = client;
    this.presigner = presigner;
    this.bucket = bucket;
  }

  @Override
  public String presignUpload(String key, Duration expiry) {
    return presigner.get().presignPutObject(p -> p.signatureDuration(expiry)
        .putObjectRequest(o -> o.bucket(bucket).key(key))).url().toString();
  }

  @Override
  public String presignDownload(String key, String fileName, String contentType, Duration expiry) {
    return presigner.get().presignGetObject(p -> p.signatureDuration(expiry)
        .getObjectRequest(o -> o.bucket(bucket).key(key)
            .responseContentDisposition(ContentDisposition.attachment(fileName))
            .responseContentType(contentType))).url().toString();
  }

  @Override
  public Optional<BlobInfo> head(String key) {
    try {
      HeadObjectResponse head = client.get().headObject(o -> o.bucket(bucket).key(key));
      return Optional.of(new BlobInfo(head.contentLength(), head.contentType()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty(); // HEAD has no body, so a missing key arrives as a bare 404
      }
      throw e;
    }
  }

  @Override
  public void delete(String key) {
    client.get().deleteObject(o -> o.bucket(bucket).key(key));
  }
}
