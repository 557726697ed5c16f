package dev.stratus.filestore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** {@link BlobStore} on one S3 bucket. */
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
  public String presignUpload(String key, Duration expiry, Long size, String contentType) {
    return presigner.get().presignPutObject(p -> p.signatureDuration(expiry)
        .putObjectRequest(o -> o.bucket(bucket).key(key).contentLength(size).contentType(contentType))).url().toString();
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
      return Optional.of(new BlobInfo(head.contentLength(), head.contentType(), head.eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty(); // HEAD has no body, so a missing key arrives as a bare 404
      }
      throw e;
    }
  }

  @Override
  public boolean copy(String from, String etag, String to) {
    try {
      client.get().copyObject(o -> o.sourceBucket(bucket).sourceKey(from).copySourceIfMatch(etag)
          .destinationBucket(bucket).destinationKey(to));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 412) {
        return false; // the source was written again since its ETag was read
      }
      throw e;
    }
  }

  @Override
  public void delete(String key) {
    client.get().deleteObject(o -> o.bucket(bucket).key(key));
  }

  @Override
  public List<Listed> list(String prefix, String startAfter, int max) {
    List<Listed> out = new ArrayList<>();
    ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).startAfter(startAfter)
        .maxKeys(Math.min(max, 1000)).build();
    for (ListObjectsV2Response page : client.get().listObjectsV2Paginator(request)) {
      for (S3Object object : page.contents()) {
        if (out.size() == max) {
          return out;
        }
        out.add(new Listed(object.key(), object.lastModified()));
      }
    }
    return out;
  }
}
