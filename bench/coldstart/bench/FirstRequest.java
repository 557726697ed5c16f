package bench;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a SnapStart restore resumes into, without the restore: builds a handler as Lambda's init does,
 * optionally runs its CRaC hook as Lambda does before the snapshot, then times one request.
 * Prints "init prime first" in seconds. usage: FirstRequest HANDLER_CLASS prime|noprime
 */
public final class FirstRequest {
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    RequestStreamHandler handler =
        (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
    long built = System.nanoTime();
    if (args[1].equals("prime")) {
      // What the handler registered with CRaC, run as Lambda runs it before the snapshot: Stratus's
      // generated handlers offer it as prime().
      handler.getClass().getMethod("prime").invoke(handler);
    }
    long primed = System.nanoTime();
    byte[] event = "{\"httpMethod\": \"POST\", \"path\": \"/file\", \"body\": \"{\\\"name\\\": \\\"a.txt\\\"}\"}"
        .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(event), out, null);
    long answered = System.nanoTime();
    String response = out.toString(StandardCharsets.UTF_8);
    if (!response.replace(" ", "").contains("\"statusCode\":200")) {
      throw new IllegalStateException("not a 200: " + response);
    }
    System.out.printf("%.3f %.3f %.3f%n", (built - start) / 1e9, (primed - built) / 1e9, (answered - primed) / 1e9);
  }
}
