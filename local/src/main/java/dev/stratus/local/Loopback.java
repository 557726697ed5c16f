package dev.stratus.local;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/** The JDK's HTTP server as every local endpoint runs it: on 127.0.0.1 only, its handlers on daemon threads. */
final class Loopback {
  private Loopback() {}

  /** A server on {@code port} (0: a free one), not started, so that the caller adds its contexts first. */
  static HttpServer create(int port, String threadName) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    }));
    return server;
  }

  /** A started server on a free port whose every path {@code handler} answers. */
  static HttpServer serve(String threadName, HttpHandler handler) {
    try {
      HttpServer server = create(0, threadName);
      server.createContext("/", handler);
      server.start();
      return server;
    } catch (IOException e) {
      throw new LocalException("cannot listen on loopback for " + threadName + ": " + e.getMessage(), e);
    }
  }

  static URI uri(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
