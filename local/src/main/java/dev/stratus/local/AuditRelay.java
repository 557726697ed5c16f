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
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One function's way to one local service, so that the service's calls are seen as that function's: a
 * loopback port that passes every byte through unchanged (signatures stay valid, the Host header included),
 * and reads each request on its way for what it asks ({@link AwsCall}), which {@code judge} rules on. With
 * {@code enforce}, a call the judge does not allow is answered as IAM answers it, AccessDenied, and never
 * reaches the service. Answers flow back untouched.
 */
final class AuditRelay implements AutoCloseable {
  /** Rules on a call, and says so where it needs saying: true if the function may make it. */
  interface Judge {
    boolean allows(AwsCall call);
  }

  private static final byte[] NO_BODY = new byte[0];
  /** The largest refused S3 body read before the answer; a larger one is cut off. */
  private static final long DRAIN_LIMIT = 8 << 20;

  private final ServerSocket server;
  private final String function;
  private final String service;
  private final URI target;
  private final Judge judge;
  private final boolean enforce;
  final URI endpoint;

  AuditRelay(String function, String service, URI target, Judge judge, boolean enforce) {
    this.function = function;
    this.service = service;
    this.target = target;
    this.judge = judge;
    this.enforce = enforce;
    try {
      // 127.0.0.1 itself, as the endpoint below says: the JVM's loopback address may be ::1.
      server = new ServerSocket(0, 64, InetAddress.getByAddress(new byte[] {127, 0, 0, 1}));
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

  /**
   * Each request of the connection: S3's judged by its line and headers and its body streamed on; the other
   * services' (small JSON or form bodies, which name the table, queue or topic) read whole, then judged.
   */
  private void relay(Socket client) {
    try (client; Socket upstream = new Socket(target.getHost(), target.getPort() < 0 ? 80 : target.getPort())) {
      Thread answers = daemon(() -> pump(upstream, client), service + "-relay-answers");
      answers.start();
      InputStream in = client.getInputStream();
      OutputStream out = upstream.getOutputStream();
      while (true) {
        byte[] head = head(in);
        if (head == null) {
          break;
        }
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] request = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
          int colon = lines[i].indexOf(':');
          if (colon > 0) {
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
          }
        }
        boolean judged = request.length >= 2 && !request[0].equals("OPTIONS");
        if (service.equals("s3")) {
          AwsCall denied = judged ? denied(AwsCall.of(service, request[0], request[1], headers, NO_BODY)) : null;
          if (denied != null) {
            // A client that sent its body at once reads the answer only after it is taken (else: a reset).
            long length = Long.parseLong(headers.getOrDefault("content-length", "0"));
            if (!headers.containsKey("expect") && length <= DRAIN_LIMIT) {
              copy(in, OutputStream.nullOutputStream(), length, null);
            }
            refuse(client, denied, headers);
            break;
          }
          out.write(head);
          body(in, out, headers, null);
        } else {
          ByteArrayOutputStream raw = new ByteArrayOutputStream();
          ByteArrayOutputStream data = new ByteArrayOutputStream();
          body(in, raw, headers, data);
          AwsCall denied = judged ? denied(AwsCall.of(service, request[0], request[1], headers, data.toByteArray()))
              : null;
          if (denied != null) {
            refuse(client, denied, headers);
            break;
          }
          out.write(head);
          raw.writeTo(out);
        }
        out.flush();
      }
      upstream.shutdownOutput();
      answers.join();
    } catch (IOException | RuntimeException e) {
      // a connection closed midway: the client sees it as it would without the relay
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The first of {@code calls} the judge does not allow, if refusing it is the relay's to do. */
  private AwsCall denied(List<AwsCall> calls) {
    AwsCall first = null;
    for (AwsCall call : calls) {
      if (!judge.allows(call) && first == null) {
        first = call;
      }
    }
    return enforce ? first : null;
  }

  /** IAM's refusal in the service's own protocol, so that the SDK raises what it raises on AWS; then the end. */
  private void refuse(Socket client, AwsCall call, Map<String, String> headers) throws IOException {
    String message = "User: arn:aws:sts::" + LocalStack.ACCOUNT + ":assumed-role/" + function + "/local is not"
        + " authorized to perform: " + call.action() + (call.arn() == null ? "" : " on resource: " + call.arn())
        + " because no identity-based policy allows the " + call.action() + " action";
    String xmlMessage = message.replace("&", "&amp;").replace("<", "&lt;");
    int status;
    String type;
    String body;
    Map<String, String> extra = new LinkedHashMap<>();
    if (service.equals("s3")) {
      status = 403;
      type = "application/xml";
      body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>AccessDenied</Code><Message>" + xmlMessage
          + "</Message><RequestId>local</RequestId></Error>";
    } else if (headers.containsKey("x-amz-target")) {
      status = 400;
      type = "application/x-amz-json-1.0";
      body = "{\"__type\":\"com.amazon.coral.service#AccessDeniedException\",\"message\":"
          + Events.JSON.writeValueAsString(message) + "}";
      extra.put("x-amzn-query-error", "AccessDenied;Sender");
    } else {
      status = 403;
      type = "text/xml";
      body = "<ErrorResponse><Error><Type>Sender</Type><Code>" + (service.equals("sns") ? "AuthorizationError"
          : "AccessDenied") + "</Code><Message>" + xmlMessage + "</Message></Error><RequestId>local</RequestId>"
          + "</ErrorResponse>";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    StringBuilder reply = new StringBuilder("HTTP/1.1 " + status + (status == 403 ? " Forbidden" : " Bad Request")
        + "\r\nContent-Type: " + type + "\r\nContent-Length: " + bytes.length + "\r\nConnection: close\r\n");
    extra.forEach((k, v) -> reply.append(k).append(": ").append(v).append("\r\n"));
    OutputStream out = client.getOutputStream();
    out.write(reply.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(bytes);
    out.flush();
  }

  /** A request's body, by its length or chunked, passed to {@code out} as it came; its data kept in {@code data}. */
  private static void body(InputStream in, OutputStream out, Map<String, String> headers, ByteArrayOutputStream data)
      throws IOException {
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      chunks(in, out, data);
    } else {
      copy(in, out, Long.parseLong(headers.getOrDefault("content-length", "0")), data);
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

  private static void copy(InputStream in, OutputStream out, long length, ByteArrayOutputStream data)
      throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("the request ended early");
      }
      out.write(buffer, 0, n);
      if (data != null) {
        data.write(buffer, 0, n);
      }
      left -= n;
    }
  }

  /** A chunked body, passed as it is. */
  private static void chunks(InputStream in, OutputStream out, ByteArrayOutputStream data) throws IOException {
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
      copy(in, out, size, data);
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
