package org.moviestream.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.HdrHistogram.Histogram;

/**
 * The micro-batches a Spark Streaming (DStream) driver ran, read from its monitoring REST API:
 * whether a batch took longer than its interval (processing time) and whether batches queued
 * (scheduling delay), the two ways a micro-batch job's latency grows.
 */
final class SparkBatches {

  /** The driver UI's port when nothing else on the machine holds 4040. */
  static final int UI_PORT = 4040;

  /** Spark's REST API writes batch times as e.g. 2026-12-02T06:50:01.000GMT. */
  private static final DateTimeFormatter BATCH_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'GMT'");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static final ObjectMapper JSON = new ObjectMapper();

  private SparkBatches() {}

  /** Processing times and scheduling delays of the batches timed within [from, to]. */
  record Summary(
      int batches,
      long p50ProcessingMillis,
      long p99ProcessingMillis,
      long maxProcessingMillis,
      long maxSchedulingDelayMillis) {}

  /**
   * The batches of the one streaming application at {@code port} whose batch time lies between the
   * two instants; empty (with the reason printed) when the driver has no such API or is gone.
   */
  static Optional<Summary> between(int port, long fromMillis, long toMillis) {
    try {
      String api = "http://localhost:" + port + "/api/v1/applications";
      String app = get(api).get(0).get("id").asText();
      Histogram processing = new Histogram(3_600_000L, 3);
      long maxDelay = 0;
      for (JsonNode batch : get(api + "/" + app + "/streaming/batches?status=completed")) {
        long time =
            LocalDateTime.parse(batch.get("batchTime").asText(), BATCH_TIME)
                .toInstant(ZoneOffset.UTC)
                .toEpochMilli();
        if (time >= fromMillis && time <= toMillis) {
          processing.recordValue(Math.max(0, batch.path("processingTime").asLong()));
          maxDelay = Math.max(maxDelay, batch.path("schedulingDelay").asLong());
        }
      }
      return processing.getTotalCount() == 0
          ? Optional.empty()
          : Optional.of(
              new Summary(
                  (int) processing.getTotalCount(),
                  processing.getValueAtPercentile(50),
                  processing.getValueAtPercentile(99),
                  processing.getMaxValue(),
                  maxDelay));
    } catch (Exception e) {
      System.out.println("[bench] no micro-batch figures from port " + port + ": " + e);
      return Optional.empty();
    }
  }

  private static JsonNode get(String url) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
    }
    return JSON.readTree(response.body());
  }
}
