package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

/** A Filestore route behind API Gateway's proxy integration: {@link #handle} returns the JSON body of a 200. */
public abstract class ApiFunction extends FilestoreFunction
    implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

  ApiFunction() {}

  ApiFunction(FileService service) {
    super(service);
  }

  /** Parses the request, calls the service, returns what to send; throws {@link FileException} to refuse. */
  abstract Object handle(APIGatewayProxyRequestEvent event);

  @Override
  public final APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    return Http.respond(() -> handle(event));
  }
}
