package dev.stratus.filestore;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.crac.Core;
import org.crac.Resource;

/**
 * A Filestore route behind API Gateway's proxy integration: {@link #handle} returns the JSON body of a 200.
 *
 * <p>A stream handler that reads and writes the proxy events with jackson-jr: the runtime's event
 * deserialisation (and Jackson's {@code ObjectMapper}) would add about 0.3 s to every cold start.
 */
public abstract class ApiFunction extends FilestoreFunction implements RequestStreamHandler, Resource {

  /** Lambda's way in: under SnapStart, the route warms itself up before the snapshot is taken. */
  ApiFunction() {
    Core.getGlobalContext().register(this);
  }

  ApiFunction(FileService service) {
    super(service);
  }

  /** Parses the request, calls {@code service}, returns what to send; throws {@link FileException} to refuse. */
  abstract Object handle(FileService service, APIGatewayProxyRequestEvent event);

  /** The body of a request this route answers with a success; most routes take a list of ids. */
  String sampleBody() {
    return "[\"" + Priming.SAMPLE_ID + "\"]";
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    answer(input, output, service);
  }

  /** The route on a proxy event as JSON, answered by {@code with}. */
  final void answer(InputStream input, OutputStream output, FileService with) throws IOException {
    APIGatewayProxyRequestEvent event = Http.JSON.beanFrom(APIGatewayProxyRequestEvent.class, input);
    Http.JSON.write(Http.respond(() -> handle(with, event)), output);
  }

  /** The same route on a parsed event, for callers that have one. */
  public final APIGatewayProxyResponseEvent respond(APIGatewayProxyRequestEvent event) {
    return Http.respond(() -> handle(service, event));
  }

  @Override
  public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
    Priming.beforeSnapshot(this);
  }

  @Override
  public void afterRestore(org.crac.Context<? extends Resource> context) {}
}
