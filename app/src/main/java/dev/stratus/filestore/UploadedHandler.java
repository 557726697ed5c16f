package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.OnS3Event;

/** Records size, type and upload time of every object created in the storage bucket. */
@CfFunction(
    description = "Records size, type and upload time of new objects",
    policies = """
        Statement:
          - Effect: Allow
            Action: s3:GetObject
            Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/*
          - Effect: Allow
            Action: dynamodb:UpdateItem
            Resource: !GetAtt FilesTable.Arn
        """)
@OnS3Event(bucket = "StorageBucket", events = "s3:ObjectCreated:*")
public class UploadedHandler extends FilestoreFunction implements RequestHandler<S3Event, Void> {
  public UploadedHandler() {}

  UploadedHandler(FileService service) {
    super(service);
  }

  @Override
  public Void handleRequest(S3Event event, Context context) {
    for (S3EventNotificationRecord record : event.getRecords()) {
      // getUrlDecodedKey: S3 sends keys URL-encoded, with '+' for spaces.
      service.uploaded(record.getS3().getObject().getUrlDecodedKey());
    }
    return null;
  }
}
