package org.moviestream.view;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP relay from a local port to a service's port, opened when a test wants the service to "come
 * back": a client configured with the relay's port sees nothing listening until then.
 */
final class PortRelay implements AutoCloseable {

  private final ServerSocket server;
  private final int target;

  private PortRelay(int port, int target) throws IOException {
    this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    this.target = target;
    Thread acceptor = new Thread(this::accept, "relay-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** Starts relaying 127.0.0.1:{@code port} to 127.0.0.1:{@code target}. */
  static PortRelay open(int port, int target) throws IOException {
    return new PortRelay(port, target);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        Socket service = new Socket(InetAddress.getLoopbackAddress(), target);
        pump(client, service);
        pump(service, client);
      } catch (IOException closedOrRefused) {
        // the relay was closed, or the service refused this one connection
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException ended) {
                // one side hung up
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "relay-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
