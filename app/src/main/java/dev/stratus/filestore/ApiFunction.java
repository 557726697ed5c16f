package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Filestore route behind API Gateway's proxy integration: {@link #handle} returns the JSON body of a 200.
 *
 * <p>A stream handler that reads and writes the proxy events with jackson-jr: the runtime's event
 * deserialisation (and Jackson's {@code ObjectMapper}) would add about 0.3 s to every cold start.
 */
public abstract class ApiFunction extends FilestoreFunction implements RequestStreamHandler {

  ApiFunction() {}

  ApiFunction(FileService service) {
    super(service);
  }

  /** Parses the request, calls the service, returns what to send; throws {@link FileException} to refuse. */
  abstract Object handle(APIGatewayProxyRequestEvent event);

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    APIGatewayProxyRequestEvent event = Http.JSON.beanFrom(APIGatewayProxyRequestEvent.class, input);
    Http.JSON.write(respond(event), output);
  }

  /** The same route on a parsed event, for callers that have one. */
  public final com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent respond(
      APIGatewayProxyRequestEvent event) {
    return Http.respond(() -> handle(event));
  }
}
