package dev.stratus.local.services;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port free now, for a server that must be told its port before it listens. */
public final class FreePort {
  private FreePort() {}

  /** @throws IllegalStateException naming {@code server} when the system has none */
  public static int pick(String server) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port for " + server + ": " + e.getMessage(), e);
    }
  }
}
