package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.OnSchedule;
import java.util.Map;

/**
 * Every hour: records uploads whose S3 event was lost and removes objects no file owns
 * ({@link FileService#reconcile()}).
 */
@CfFunction(
    description = "Repairs uploads whose S3 event was lost and removes objects no file owns",
    timeout = 300,
    policies = """
        Statement:
          - Effect: Allow
            Action: s3:ListBucket
            Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}
          - Effect: Allow
            Action: [dynamodb:BatchGetItem, dynamodb:GetItem, dynamodb:UpdateItem]
            Resource: !GetAtt FilesTable.Arn
        """ + Policies.PROMOTE)
@OnSchedule("rate(1 hour)")
public class ReconcileHandler extends FilestoreFunction
    implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
  public ReconcileHandler() {}

  ReconcileHandler(FileService service) {
    super(service);
  }

  @Override
  public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
    FileService.Reconciled done = service.reconcile();
    return Map.of("repaired", done.repaired(), "removed", done.removed());
  }
}
