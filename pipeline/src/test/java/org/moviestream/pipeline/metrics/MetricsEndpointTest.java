package org.moviestream.pipeline.metrics;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;
import org.moviestream.testing.Listeners;

/**
 * The endpoint shows the run monitor's latest look in the Prometheus text format, and the Grafana
 * dashboard in docs/grafana has a panel for each of its metrics.
 */
public class MetricsEndpointTest {

  @Test
  public void aScrapeShowsTheLatestLookLabelledByReasonPartitionAndService() throws Exception {
    MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0);
    try {
      endpoint.update(
          new MetricsEndpoint.RunFigures(
              Map.of(
                  PipelineMetrics.READ,
                  12L,
                  PipelineMetrics.WRITTEN,
                  9L,
                  PipelineMetrics.DEAD_LETTERS_OF + "MALFORMED_JSON",
                  2L,
                  PipelineMetrics.DEAD_LETTERS_OF + "UNKNOWN_TITLE",
                  1L),
              Map.of("movies_ratings/0", 7L, "movies_ratings/1", 5L),
              Map.of("movies_ratings/0", 0L, "movies_ratings/1", 4L),
              List.of("Cassandra at 127.0.0.1:9042", "movies_ratings/1 (stuck)")));
      String page = scrape(endpoint.port());
      assertTrue(page, page.contains("movie_stream_ratings_read_total 12.0"));
      assertTrue(page, page.contains("movie_stream_ratings_written_total 9.0"));
      assertTrue(
          page, page.contains("movie_stream_dead_letters_total{reason=\"MALFORMED_JSON\"} 2.0"));
      assertTrue(
          page, page.contains("movie_stream_dead_letters_total{reason=\"UNKNOWN_TITLE\"} 1.0"));
      assertTrue(
          page, page.contains("movie_stream_lag{partition=\"1\",topic=\"movies_ratings\"} 4.0"));
      assertTrue(
          page,
          page.contains(
              "movie_stream_committed_offset{partition=\"0\",topic=\"movies_ratings\"} 7.0"));
      assertTrue(page, page.contains("movie_stream_waiting{on=\"cassandra\"} 1.0"));
      assertTrue(page, page.contains("movie_stream_waiting{on=\"kafka\"} 0.0"));
      assertTrue(page, page.contains("movie_stream_waiting{on=\"other\"} 1.0"));
      assertTrue(page, page.contains("jvm_memory_used_bytes{area=\"heap\"}"));

      Set<String> families = new TreeSet<>();
      Matcher type = Pattern.compile("(?m)^# TYPE (movie_stream_\\w+)").matcher(page);
      while (type.find()) {
        families.add(type.group(1));
      }
      assertEquals(families.toString(), 10, families.size());
      String dashboard =
          Files.readString(
              Path.of(System.getProperty("project.root", ".."))
                  .resolve("docs/grafana/movie-stream-dashboard.json"));
      for (String family : families) {
        assertTrue(family + " has no panel on the dashboard", dashboard.contains(family));
      }
    } finally {
      endpoint.close();
    }
  }

  @Test
  public void aTakenPortCostsTheMetricsNotTheJob() throws Exception {
    MetricsEndpoint first = MetricsEndpoint.start("127.0.0.1", 0);
    try {
      assertEquals(null, MetricsEndpoint.start("127.0.0.1", first.port()));
    } finally {
      first.close();
    }
  }

  @Test
  public void itListensOnTheAddressItWasGivenOnly() throws Exception {
    MetricsEndpoint endpoint = MetricsEndpoint.start("127.0.0.1", 0);
    try {
      List<Listeners.Listener> mine =
          Listeners.of(ProcessHandle.current().pid()).stream()
              .filter(listener -> listener.port() == endpoint.port())
              .toList();
      assertEquals(List.of(new Listeners.Listener("127.0.0.1", endpoint.port())), mine);
    } finally {
      endpoint.close();
    }
  }

  private static String scrape(int port) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode());
    return response.body();
  }
}
