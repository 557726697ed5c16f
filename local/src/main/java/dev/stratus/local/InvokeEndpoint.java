package dev.stratus.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.Function;

/**
 * Lambda's invoke API ({@code POST /2015-03-31/functions/NAME/invocations}) for {@code stratus-local invoke} and
 * tests: on a loopback port of its own, never the API's, and only for a caller that shows this run's token
 * ({@code Authorization: Bearer …}), so that nobody who reaches the API port can call a function that the
 * API key guards.
 */
final class InvokeEndpoint implements AutoCloseable {
  static final String PREFIX = "/2015-03-31/functions/";

  final URI endpoint;
  final String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(24));
  private final HttpServer server;
  private final Function<String, FunctionPool> functions;

  InvokeEndpoint(Function<String, FunctionPool> functions) {
    this.functions = functions;
    server = Loopback.serve("invoke-api", this::handle);
    endpoint = Loopback.uri(server);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      String shown = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
      if (!MessageDigest.isEqual(shown.getBytes(StandardCharsets.UTF_8),
          ("Bearer " + token).getBytes(StandardCharsets.UTF_8))) {
        Replies.json(exchange, 403, "{\"message\":\"this run's token is required: stratus-local invoke reads it from the run"
            + " file serve wrote\"}");
        return;
      }
      if (!path.startsWith(PREFIX) || !exchange.getRequestMethod().equals("POST")) {
        Replies.json(exchange, 404, "{\"message\":\"POST " + PREFIX + "NAME/invocations\"}");
        return;
      }
      String name = URLDecoder.decode(path.substring(PREFIX.length()).replaceFirst("/invocations/?$", ""),
          StandardCharsets.UTF_8);
      FunctionPool pool;
      try {
        pool = functions.apply(name);
      } catch (LocalException e) {
        Replies.json(exchange, 404, "{\"Type\":\"User\",\"message\":" + Events.JSON.writeValueAsString(e.getMessage()) + "}");
        return;
      }
      Invocation.Result result = pool.invoke(exchange.getRequestBody().readAllBytes());
      if (result.outcome() != Invocation.Outcome.OK) {
        exchange.getResponseHeaders().set("X-Amz-Function-Error", "Unhandled");
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      Replies.send(exchange, 200, result.body());
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
