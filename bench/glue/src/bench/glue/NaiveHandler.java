package bench.glue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** The route as commonly written: the runtime's event serialisation in, a Jackson ObjectMapper out. */
public class NaiveHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
    try {
      long id = Long.parseLong(event.getPathParameters().get("id"));
      Map<String, String> query = event.getQueryStringParameters();
      String format = query == null ? null : query.get("format");
      return new APIGatewayProxyResponseEvent().withStatusCode(200)
          .withHeaders(Map.of("Content-Type", "application/json"))
          .withBody(JSON.writeValueAsString(Book.sample(id, format == null ? "paperback" : format)));
    } catch (NumberFormatException | com.fasterxml.jackson.core.JsonProcessingException e) {
      return new APIGatewayProxyResponseEvent().withStatusCode(400).withBody("{\"message\": \"bad request\"}");
    }
  }
}
