package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;
import java.util.Map;

/** {@code DELETE /file/{id}} → {@code {id}}: the uploader's undo of an upload not stored yet. Public. */
@CfFunction(
    description = "Reverts an upload that is not stored yet",
    snapStart = true,
    policies = """
        Statement:
          - Effect: Allow
            Action: [dynamodb:GetItem, dynamodb:UpdateItem]
            Resource: !GetAtt FilesTable.Arn
          - Effect: Allow
            Action: s3:DeleteObject
            Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/*
        """)
@ApiRoute(path = "/file/{id}", method = "DELETE", api = "FilestoreApi")
public class RevertHandler extends ApiFunction {
  public RevertHandler() {}

  RevertHandler(FileService service) {
    super(service);
  }

  @Override
  Object handle(FileService service, APIGatewayProxyRequestEvent event) {
    String id = Http.pathId(event);
    service.revert(id);
    return Map.of("id", id);
  }
}
