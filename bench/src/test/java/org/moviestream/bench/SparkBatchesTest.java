package org.moviestream.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SparkBatchesTest {

  private HttpServer driver;

  @BeforeEach
  void aDriverWithThreeBatches() throws Exception {
    driver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    serve("/api/v1/applications", "[{\"id\":\"local-1\",\"name\":\"movie-stream\"}]");
    serve(
        "/api/v1/applications/local-1/streaming/batches",
        """
        [{"batchTime":"2026-12-02T06:50:03.000GMT","processingTime":2500,"schedulingDelay":700},
         {"batchTime":"2026-12-02T06:50:02.000GMT","processingTime":900,"schedulingDelay":0},
         {"batchTime":"2026-12-02T06:50:01.000GMT","processingTime":400,"schedulingDelay":0}]
        """);
    driver.start();
  }

  @AfterEach
  void stop() {
    driver.stop(0);
  }

  @Test
  void summarisesOnlyTheBatchesTimedInTheWindow() {
    Optional<SparkBatches.Summary> summary =
        SparkBatches.between(
            driver.getAddress().getPort(), millis("06:50:01.500"), millis("06:50:03.000"));

    assertEquals(
        Optional.of(new SparkBatches.Summary(2, 900, 2500, 2500, 700)),
        summary.map(
            s ->
                new SparkBatches.Summary(
                    s.batches(),
                    round(s.p50ProcessingMillis()),
                    round(s.p99ProcessingMillis()),
                    round(s.maxProcessingMillis()),
                    s.maxSchedulingDelayMillis())));
  }

  @Test
  void aWindowWithoutBatchesOrADriverThatIsGoneGivesNothing() {
    int port = driver.getAddress().getPort();
    assertTrue(SparkBatches.between(port, 0, millis("06:50:00.000")).isEmpty());
    driver.stop(0);
    assertTrue(SparkBatches.between(port, 0, Long.MAX_VALUE).isEmpty());
  }

  private void serve(String path, String json) {
    driver.createContext(
        path,
        exchange -> {
          byte[] body = json.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
  }

  private static long millis(String timeOfDay) {
    return Instant.parse("2026-12-02T" + timeOfDay + "Z").toEpochMilli();
  }

  /** HdrHistogram reports a value to 3 significant digits; the figures here are round already. */
  private static long round(long value) {
    return Math.round(value / 100.0) * 100;
  }
}
