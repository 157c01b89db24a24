package org.moviestream.view.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.view.store.RatingsStore;
import org.moviestream.view.stream.DeadLetterTally;
import org.moviestream.view.stream.StreamMonitor;

/**
 * With neither service answering, the view's metrics say both are down, and the Grafana dashboard
 * has a panel for each of its metrics.
 */
class ViewMetricsTest {

  @Test
  void servicesDownShowAsZeroAndEveryMetricHasAPanel() throws Exception {
    KafkaSettings nowhere = KafkaSettings.of("127.0.0.1:1");
    try (StreamMonitor stream =
            new StreamMonitor(
                nowhere,
                "movies_ratings",
                "movies_ratings_dlq",
                "movie-ratings-pipeline",
                Duration.ofMinutes(1),
                Clock.systemUTC());
        DeadLetterTally deadLetters = new DeadLetterTally(nowhere, "movies_ratings_dlq");
        RatingsStore store = new RatingsStore(CassandraSettings.of("127.0.0.1", 1), "netflix")) {
      String page = new ViewMetrics(stream, deadLetters, store, "movies_ratings").text();
      assertTrue(page.contains("movie_stream_service_up{service=\"kafka\"} 0.0"), page);
      assertTrue(page.contains("movie_stream_service_up{service=\"cassandra\"} 0.0"), page);
      assertTrue(page.contains("jvm_memory_used_bytes{area=\"heap\"}"), page);
      ViewMetrics metrics = new ViewMetrics(stream, deadLetters, store, "movies_ratings");
      Set<String> families = new TreeSet<>();
      metrics.names().stream()
          .filter(name -> name.startsWith("movie_stream_"))
          .forEach(families::add);
      assertEquals(7, families.size(), families.toString());
      String dashboard =
          Files.readString(
              Path.of(System.getProperty("project.root", ".."))
                  .resolve("docs/grafana/movie-stream-dashboard.json"));
      for (String family : families) {
        assertTrue(dashboard.contains(family), family + " has no panel on the dashboard");
      }
    }
  }
}
