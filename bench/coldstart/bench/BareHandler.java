package bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The floor of a Java cold start: a handler that answers without touching AWS. */
public class BareHandler implements RequestStreamHandler {
  @Override
  public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
    in.readAllBytes();
    out.write("{\"statusCode\": 200, \"body\": \"{}\"}".getBytes(StandardCharsets.UTF_8));
  }
}
