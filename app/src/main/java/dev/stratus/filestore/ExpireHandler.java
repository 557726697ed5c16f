package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.stratus.annotations.CfFunction;
import dev.stratus.annotations.OnSchedule;
import java.util.Map;

/** Every 30 minutes, when clients store files explicitly: removes uploads never stored, older than an hour. */
@CfFunction(
    description = "Removes uploads that were never stored",
    timeout = 300,
    condition = "CreateExpirationScheduler",
    policies = """
        Statement:
          - Effect: Allow
            Action: [dynamodb:Scan, dynamodb:UpdateItem]
            Resource: !GetAtt FilesTable.Arn
          - Effect: Allow
            Action: s3:DeleteObject
            Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/*
        """)
@OnSchedule("rate(30 minutes)")
public class ExpireHandler extends FilestoreFunction
    implements RequestHandler<ScheduledEvent, Map<String, Integer>> {
  public ExpireHandler() {}

  ExpireHandler(FileService service) {
    super(service);
  }

  @Override
  public Map<String, Integer> handleRequest(ScheduledEvent event, Context context) {
    return Map.of("expired", service.expire());
  }
}
