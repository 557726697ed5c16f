package bench.glue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** The route with Filestore's hand-written glue: a stream handler reading and writing the proxy events with jackson-jr. */
public class JacksonJrHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    APIGatewayProxyRequestEvent event = JSON.std.beanFrom(APIGatewayProxyRequestEvent.class, in);
    APIGatewayProxyResponseEvent response = new APIGatewayProxyResponseEvent();
    try {
      long id = Long.parseLong(event.getPathParameters().get("id"));
      Map<String, String> query = event.getQueryStringParameters();
      String format = query == null ? null : query.get("format");
      Book book = Book.sample(id, format == null ? "paperback" : format);
      response.withStatusCode(200).withBody(JSON.std.asString(Map.of("id", book.id(), "title", book.title(),
          "authors", book.authors(), "shelf", book.shelf(), "pages", book.pages())));
    } catch (NumberFormatException e) {
      response.withStatusCode(400).withBody(JSON.std.asString(Map.of("message", "id must be a whole number")));
    }
    JSON.std.write(response.withHeaders(Map.of("Content-Type", "application/json")), out);
  }
}
