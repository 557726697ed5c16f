package bench;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * What a SnapStart restore resumes into, without the restore: builds a handler as Lambda's init does,
 * optionally runs its CRaC hook as Lambda does before the snapshot, then times one request.
 * Prints "init prime first" in seconds. usage: FirstRequest CLASS::METHOD prime|noprime, the handler string
 */
public final class FirstRequest {
  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    String[] handlerString = args[0].split("::", 2);
    Class<?> type = Class.forName(handlerString[0]);
    Object handler = type.getConstructor().newInstance();
    Method method = type.getMethod(handlerString[1], InputStream.class, OutputStream.class, Context.class);
    long built = System.nanoTime();
    if (args[1].equals("prime")) {
      // What the generated handler registers with CRaC, run as Lambda runs it before the snapshot (CRaC's
      // global context cannot be asked to run its resources outside a checkpoint).
      Method prime = type.getDeclaredMethod("prime");
      prime.setAccessible(true);
      prime.invoke(handler);
    }
    long primed = System.nanoTime();
    byte[] event = "{\"httpMethod\": \"POST\", \"path\": \"/file\", \"body\": \"{\\\"name\\\": \\\"a.txt\\\"}\"}"
        .getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    method.invoke(handler, new ByteArrayInputStream(event), out, null);
    long answered = System.nanoTime();
    String response = out.toString(StandardCharsets.UTF_8);
    if (!response.replace(" ", "").contains("\"statusCode\":200")) {
      throw new IllegalStateException("not a 200: " + response);
    }
    System.out.printf("%.3f %.3f %.3f%n", (built - start) / 1e9, (primed - built) / 1e9, (answered - primed) / 1e9);
  }
}
