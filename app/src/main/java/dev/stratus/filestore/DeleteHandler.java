package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;

/** {@code DELETE /files [ids]} → the ids deleted: soft delete of the item, hard delete of the object. Needs the API key. */
@CfFunction(
    description = "Deletes files",
    snapStart = true,
    policies = """
        Statement:
          - Effect: Allow
            Action: dynamodb:UpdateItem
            Resource: !GetAtt FilesTable.Arn
          - Effect: Allow
            Action: s3:DeleteObject
            Resource: !Sub arn:${AWS::Partition}:s3:::${StorageBucketName}/*
        """)
@ApiRoute(path = "/files", method = "DELETE", apiKeyRequired = true, api = "FilestoreApi")
public class DeleteHandler extends ApiFunction {
  public DeleteHandler() {}

  DeleteHandler(FileService service) {
    super(service);
  }

  @Override
  Object handle(FileService service, APIGatewayProxyRequestEvent event) {
    return service.delete(Http.ids(event));
  }
}
