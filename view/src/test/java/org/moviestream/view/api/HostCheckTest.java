package org.moviestream.view.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page on another site that resolves its name to 127.0.0.1 (DNS rebinding) reads nothing. */
class HostCheckTest {

  private Javalin app;

  @BeforeEach
  void serve() {
    app = Javalin.create(config -> config.showJavalinBanner = false);
    new HostCheck("127.0.0.1", List.of("movies.lan")).register(app);
    app.get("/api/people", ctx -> ctx.result("[\"Stelios\"]"));
    app.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  void theLoopbackNamesAndTheGivenOnesAreServed() throws Exception {
    for (String host :
        List.of(
            "127.0.0.1:" + app.port(), "localhost", "LOCALHOST:80", "[::1]:1", "movies.lan:8088")) {
      assertEquals("HTTP/1.1 200 OK", statusLine(host), host);
    }
  }

  @Test
  void anyOtherHostIsRefused() throws Exception {
    for (String host : List.of("attacker.example:" + app.port(), "attacker.example", "127.0.0.2")) {
      assertTrue(statusLine(host).startsWith("HTTP/1.1 403"), host);
    }
  }

  @Test
  void thePortComesOffEveryKindOfHost() {
    assertEquals("example.com", HostCheck.withoutPort("example.com:8088"));
    assertEquals("[::1]", HostCheck.withoutPort("[::1]:8088"));
    assertEquals("[::1]", HostCheck.withoutPort("[::1]"));
    assertEquals("example.com", HostCheck.withoutPort("example.com"));
  }

  /** A raw request: Java's HTTP client will not send another Host header. */
  private String statusLine(String host) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/people HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    }
  }
}
