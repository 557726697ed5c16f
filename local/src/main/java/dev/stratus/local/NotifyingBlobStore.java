package dev.stratus.local;

import java.io.InputStream;
import java.util.function.Consumer;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/** s3proxy's blob store, telling what changed as S3 event notifications would: after the change is stored. */
final class NotifyingBlobStore extends ForwardingBlobStore {

  /** One change: {@code event} as S3 names it ({@code ObjectCreated:Put}, {@code ObjectRemoved:Delete}). */
  record Change(String event, String bucket, String key, long size, String eTag) {}

  private final Consumer<Change> listener;

  NotifyingBlobStore(BlobStore delegate, Consumer<Change> listener) {
    super(delegate);
    this.listener = listener;
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
    PutObjectResponse response = super.putBlob(request, content);
    created("ObjectCreated:Put", request.bucket(), request.key());
    return response;
  }

  @Override
  public CopyObjectResponse copyBlob(CopyObjectRequest request) {
    CopyObjectResponse response = super.copyBlob(request);
    created("ObjectCreated:Copy", request.destinationBucket(), request.destinationKey());
    return response;
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(MultipartUpload upload,
      CompleteMultipartUploadRequest request) {
    CompleteMultipartUploadResponse response = super.completeMultipartUpload(upload, request);
    created("ObjectCreated:CompleteMultipartUpload", request.bucket(), request.key());
    return response;
  }

  @Override
  public DeleteObjectResponse removeBlob(DeleteObjectRequest request) {
    DeleteObjectResponse response = super.removeBlob(request);
    listener.accept(new Change("ObjectRemoved:Delete", request.bucket(), request.key(), 0, null));
    return response;
  }

  @Override
  public DeleteObjectsResponse removeBlobs(DeleteObjectsRequest request) {
    DeleteObjectsResponse response = super.removeBlobs(request);
    response.deleted().forEach(d ->
        listener.accept(new Change("ObjectRemoved:Delete", request.bucket(), d.key(), 0, null)));
    return response;
  }

  private void created(String event, String bucket, String key) {
    HeadObjectResponse head = blobMetadataIfPresent(bucket, key);
    long size = head == null || head.contentLength() == null ? 0 : head.contentLength();
    listener.accept(new Change(event, bucket, key, size, head == null ? null : head.eTag()));
  }
}
