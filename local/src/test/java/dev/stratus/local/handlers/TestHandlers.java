package dev.stratus.local.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Functions the local runtime's tests deploy: one that echoes, one that throws, one that sleeps. */
public final class TestHandlers {
  private TestHandlers() {}

  /** Answers a proxy response whose body is the event it received. */
  public static class Echo implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      String event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String body = event.replace("\\", "\\\\").replace("\"", "\\\"");
      out.write(("{\"statusCode\": 200, \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": \"" + body
          + "\"}").getBytes(StandardCharsets.UTF_8));
    }
  }

  public static class Fail implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) {
      throw new IllegalStateException("this function always fails");
    }
  }

  public static class Sleep implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream in, OutputStream out, Context context) throws IOException {
      try {
        Thread.sleep(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      out.write("{\"statusCode\": 200, \"body\": \"late\"}".getBytes(StandardCharsets.UTF_8));
    }
  }
}
