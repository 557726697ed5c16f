package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.OnS3Event;

/**
 * Records size, type and upload time of every upload (an object created under {@code uploads/}); on StoreOnLoad
 * it stores it at once.
 */
@CfFunction(
    description = "Records size, type and upload time of new objects",
    policies = """
        Statement:
          - Effect: Allow
            Action: [dynamodb:GetItem, dynamodb:UpdateItem]
            Resource: !GetAtt FilesTable.Arn
        """ + Policies.PROMOTE)
@OnS3Event(bucket = "StorageBucket", events = "s3:ObjectCreated:*", prefix = ObjectKeys.STAGED)
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
