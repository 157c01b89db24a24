package org.moviestream.view.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moviestream.kafka.GroupProgress;
import org.moviestream.kafka.KafkaSettings;

/** Rates and lag from offset samples (no broker needed: the samples are given). */
class StreamMonitorTest {

  private static final Instant T0 = Instant.parse("2026-11-26T04:00:00Z");

  @Test
  void ratesAreOffsetDifferencesPerSecondAndLagIsTheLatestGap() {
    try (StreamMonitor monitor = monitor(Duration.ofMinutes(10))) {
      monitor.record(sample(0, Map.of(0, 100L, 1, 50L), Map.of(0, 100L, 1, 50L)));
      monitor.record(sample(2, Map.of(0, 140L, 1, 70L), Map.of(0, 100L, 1, 50L)));
      monitor.record(sample(4, Map.of(0, 150L, 1, 80L), Map.of(0, 150L, 1, 60L)));

      StreamMonitor.Throughput throughput = monitor.throughput();

      assertEquals(
          List.of(
              new StreamMonitor.Rate(T0.plusSeconds(2), 30.0, 0.0),
              new StreamMonitor.Rate(T0.plusSeconds(4), 10.0, 30.0)),
          throughput.rates());
      assertEquals(
          List.of(
              new GroupProgress.Partition(0, 150, 150, 0),
              new GroupProgress.Partition(1, 80, 60, 20)),
          throughput.partitions());
      assertEquals(20, throughput.totalLag());
      assertEquals(15.0, throughput.writtenPerSecondLastMinute(), 1e-9);
    }
  }

  @Test
  void aPartitionTheGroupNeverCommittedLagsByItsWholeLog() {
    try (StreamMonitor monitor = monitor(Duration.ofMinutes(10))) {
      monitor.record(sample(0, Map.of(0, 12L), Map.of()));

      assertEquals(
          List.of(new GroupProgress.Partition(0, 12, 0, 12)), monitor.throughput().partitions());
    }
  }

  @Test
  void samplesOlderThanTheHistoryAreForgotten() {
    try (StreamMonitor monitor = monitor(Duration.ofSeconds(5))) {
      for (int second = 0; second <= 10; second++) {
        monitor.record(sample(second, Map.of(0, 10L * second), Map.of(0, 10L * second)));
      }

      assertEquals(5, monitor.throughput().rates().size());
    }
  }

  private static StreamMonitor monitor(Duration history) {
    return new StreamMonitor(
        KafkaSettings.of("127.0.0.1:1"),
        "movies_ratings",
        "movies_ratings_dlq",
        "movie-ratings-pipeline",
        history,
        Clock.fixed(T0, java.time.ZoneOffset.UTC));
  }

  private static OffsetSample sample(
      int second, Map<Integer, Long> logEnd, Map<Integer, Long> committed) {
    return new OffsetSample(T0.plusSeconds(second), new java.util.TreeMap<>(logEnd), committed);
  }
}
