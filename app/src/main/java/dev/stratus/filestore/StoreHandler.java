package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import dev.stratus.annotations.ApiRoute;
import dev.stratus.annotations.CfFunction;

/** {@code PUT /files [ids]} → the ids stored: keeps uploads that would otherwise expire. Needs the API key. */
@CfFunction(
    description = "Marks uploaded files as stored",
    policies = """
        Statement:
          - Effect: Allow
            Action: dynamodb:UpdateItem
            Resource: !GetAtt FilesTable.Arn
        """)
@ApiRoute(path = "/files", method = "PUT", apiKeyRequired = true, api = "FilestoreApi")
public class StoreHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private final FileService service;

  public StoreHandler() {
    this(Filestore.service());
  }

  StoreHandler(FileService service) {
    this.service = service;
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return Http.respond(() -> service.store(Http.ids(event)));
  }
}
