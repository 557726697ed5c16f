package dev.stratus.filestore;

import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.OnS3Event;
import dev.stratus.annotations.OnSchedule;
import dev.stratus.annotations.Use;
import dev.stratus.runtime.S3Record;
import java.util.Map;

/** What Filestore does without a request: on each upload's S3 event, and on its two schedules. */
public class FilesEvents {
  private final FileService service;

  /** Lambda's: the container's one service, built from the environment. */
  public FilesEvents() {
    this(Filestore.service());
  }

  FilesEvents(FileService service) {
    this.service = service;
  }

  /**
   * Records size, type and upload time of every upload (an object created under {@code uploads/}); on
   * StoreOnLoad it stores it at once.
   */
  @CfFunction(logicalId = "UploadedFunction",
      description = "Records size, type and upload time of new objects")
  @Use(value = "FilesTable", actions = {"dynamodb:GetItem", "dynamodb:UpdateItem"})
  @Use(value = "StorageBucket", actions = "s3:GetObject", objects = ObjectKeys.STAGED + "*")
  @Use(value = "StorageBucket", actions = "s3:PutObject", objects = ObjectKeys.STORED + "*")
  @Use(value = "StorageBucket", actions = "s3:DeleteObject")
  @OnS3Event(bucket = "StorageBucket", events = "s3:ObjectCreated:*", prefix = ObjectKeys.STAGED)
  public void uploaded(S3Record object) {
    service.uploaded(object.key());
  }

  /** Every 30 minutes, when clients store files explicitly: removes uploads never stored, older than an hour. */
  @CfFunction(logicalId = "ExpireFunction",
      description = "Removes uploads that were never stored",
      timeout = 300,
      condition = "CreateExpirationScheduler")
  @Use(value = "FilesTable", actions = {"dynamodb:Scan", "dynamodb:UpdateItem"})
  @Use(value = "StorageBucket", actions = "s3:DeleteObject")
  @OnSchedule("rate(30 minutes)")
  public Map<String, Integer> expire() {
    return Map.of("expired", service.expire());
  }

  /**
   * Every hour: records uploads whose S3 event was lost and removes objects no file owns
   * ({@link FileService#reconcile()}).
   */
  @CfFunction(logicalId = "ReconcileFunction",
      description = "Repairs uploads whose S3 event was lost and removes objects no file owns",
      timeout = 300)
  @Use(value = "StorageBucket", actions = "s3:ListBucket")
  @Use(value = "FilesTable", actions = {"dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:UpdateItem"})
  @Use(value = "StorageBucket", actions = "s3:GetObject", objects = ObjectKeys.STAGED + "*")
  @Use(value = "StorageBucket", actions = "s3:PutObject", objects = ObjectKeys.STORED + "*")
  @Use(value = "StorageBucket", actions = "s3:DeleteObject")
  @OnSchedule("rate(1 hour)")
  public Map<String, Integer> reconcile() {
    FileService.Reconciled done = service.reconcile();
    return Map.of("repaired", done.repaired(), "removed", done.removed());
  }
}
