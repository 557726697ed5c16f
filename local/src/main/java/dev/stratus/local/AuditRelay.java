package dev.stratus.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One function's way to one local service, so that the service's calls are seen as that function's: a
 * loopback port that passes every byte through unchanged (signatures stay valid, the Host header included),
 * and reads each request on its way to tell {@code onCall} what it asks for. Answers flow back untouched.
 */
final class AuditRelay implements AutoCloseable {
  /** The most of a body read for its operation and resource names: S3's bodies are passed, not read. */
  private static final int READ_LIMIT = 1 << 20;

  private final ServerSocket server;
  private final String service;
  private final URI target;
  private final Consumer<AwsCall> onCall;
  final URI endpoint;

  AuditRelay(String service, URI target, Consumer<AwsCall> onCall) {
    this.service = service;
    this.target = target;
    this.onCall = onCall;
    try {
      server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new LocalException("cannot listen on loopback for " + service + ": " + e.getMessage(), e);
    }
    endpoint = URI.create("http://127.0.0.1:" + server.getLocalPort());
    daemon(this::accept, service + "-relay").start();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        daemon(() -> relay(client), service + "-relay-connection").start();
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void relay(Socket client) {
    try (client; Socket upstream = new Socket(target.getHost(), target.getPort())) {
      Thread answers = daemon(() -> pump(upstream, client), service + "-relay-answers");
      answers.start();
      InputStream in = client.getInputStream();
      OutputStream out = upstream.getOutputStream();
      while (true) {
        byte[] head = head(in);
        if (head == null) {
          break;
        }
        out.write(head);
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] request = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          if (colon > 0) {
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
          }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean keep = !service.equals("s3");
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
          chunks(in, out, body, keep);
        } else {
          copy(in, out, Long.parseLong(headers.getOrDefault("content-length", "0")), body, keep);
        }
        out.flush();
        if (request.length >= 2 && !request[0].equals("OPTIONS")) {
          for (AwsCall call : AwsCall.of(service, request[0], request[1], headers, body.toByteArray())) {
            onCall.accept(call);
          }
        }
      }
      upstream.shutdownOutput();
      answers.join();
    } catch (IOException | RuntimeException e) {
      // a connection closed midway: the client sees it as it would without the relay
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A request's line and headers, through the empty line; null at the end of the connection. */
  private static byte[] head(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int last = 0;
    while (last != 0x0D0A0D0A) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      last = (last << 8) | b;
    }
    return head.toByteArray();
  }

  private static void copy(InputStream in, OutputStream out, long length, ByteArrayOutputStream keep, boolean keeping)
      throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the request ended early");
      }
      out.write(buffer, 0, n);
      if (keeping && keep.size() < READ_LIMIT) {
        keep.write(buffer, 0, n);
      }
      left -= n;
    }
  }

  /** A chunked body, passed as it is, its data kept. */
  private static void chunks(InputStream in, OutputStream out, ByteArrayOutputStream keep, boolean keeping)
      throws IOException {
    while (true) {
      String sizeLine = line(in);
      out.write((sizeLine + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      int semicolon = sizeLine.indexOf(';');
      long size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
      if (size == 0) {
        String trailer;
        do {
          trailer = line(in);
          out.write((trailer + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        } while (!trailer.isEmpty());
        return;
      }
      copy(in, out, size, keep, keeping);
      out.write((line(in) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder b = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.append((char) c);
      }
    }
    if (c < 0) {
      throw new IOException("the request ended early");
    }
    return b.toString();
  }

  private static void pump(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
      to.shutdownOutput();
    } catch (IOException e) {
      // either side closed
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}
