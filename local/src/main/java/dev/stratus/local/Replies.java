package dev.stratus.local;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Ends an exchange of the JDK's HTTP server with a status and a body; an empty body is sent as none. */
final class Replies {
  private Replies() {}

  static void json(HttpExchange exchange, int status, String json) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, status, json.getBytes(StandardCharsets.UTF_8));
  }

  /** An error in the AWS query protocol's XML, which the SDKs read into the exception's code and message. */
  static void queryError(HttpExchange exchange, int status, String code, String message) throws IOException {
    String escaped = message.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    exchange.getResponseHeaders().set("Content-Type", "text/xml");
    send(exchange, status, ("<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
        + escaped + "</Message></Error><RequestId>local</RequestId></ErrorResponse>").getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }
}
