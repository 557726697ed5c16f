package dev.stratus.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where functions' SDKs send calls to services that have no local server ({@code AWS_ENDPOINT_URL}): each is
 * refused at once with an error naming the service, in the protocol the SDK reads, so that nothing under
 * {@code serve} or {@code invoke} reaches AWS. A 400, which the SDKs do not retry.
 */
final class NoLocalService implements AutoCloseable {
  static final String CODE = "NotRunLocally";
  private static final Pattern SERVICE = Pattern.compile("Credential=[^/]*/[^/]*/[^/]*/([^/]+)/aws4_request");

  final URI endpoint;
  private final HttpServer server;
  private final List<String> local;
  private final PrintStream log;

  NoLocalService(List<String> local, PrintStream log) {
    this.local = local;
    this.log = log;
    server = Loopback.serve("no-local-service", this::refuse);
    endpoint = Loopback.uri(server);
  }

  private void refuse(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
      Matcher m = SERVICE.matcher(authorization);
      String service = m.find() ? m.group(1) : "an unknown service";
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target != null ? target.substring(target.indexOf('.') + 1)
          : exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
      String message = "stratus-local has no local " + service + ": " + operation + " was stopped here, not sent to"
          + " AWS. Local services: " + String.join(", ", local) + "; point AWS_ENDPOINT_URL_"
          + service.toUpperCase(Locale.ROOT).replace('-', '_') + " at a server of your own to reach one";
      log.println("stratus-local: refused a call to " + service + " (" + operation + "): no local server");
      exchange.getRequestBody().readAllBytes();
      String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
      if (type.startsWith("application/x-www-form-urlencoded") || type.contains("xml")) {
        Replies.queryError(exchange, 400, CODE, message);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.getResponseHeaders().set("x-amzn-ErrorType", CODE);
      Replies.send(exchange, 400, Events.bytes(Events.JSON.createObjectNode().put("__type", CODE).put("message", message)
          .put("Message", message)));
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
