package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;

/** {@code PUT /files [ids]} → the ids stored: keeps uploads that would otherwise expire. Needs the API key. */
@CfFunction(
    description = "Marks uploaded files as stored",
    snapStart = true,
    policies = """
        Statement:
          - Effect: Allow
            Action: [dynamodb:BatchGetItem, dynamodb:GetItem, dynamodb:UpdateItem]
            Resource: !GetAtt FilesTable.Arn
        """ + Policies.PROMOTE)
@ApiRoute(path = "/files", method = "PUT", apiKeyRequired = true, api = "FilestoreApi")
public class StoreHandler extends ApiFunction {
  public StoreHandler() {}

  StoreHandler(FileService service) {
    super(service);
  }

  @Override
  Object handle(FileService service, APIGatewayProxyRequestEvent event) {
    return service.store(Http.ids(event));
  }
}
