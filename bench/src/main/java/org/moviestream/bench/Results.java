package org.moviestream.bench;

import java.util.Optional;
import java.util.SortedMap;
import org.HdrHistogram.Histogram;

/** What one benchmark run measured. */
final class Results {

  private Results() {}

  /** The machine's own limits: a plain consumer and a plain async writer. */
  record Raw(
      long records,
      double consumerPerSecond,
      double writerPerSecond,
      double batchedWriterPerSecond,
      int batchRows,
      long writerFailures) {
    /** The slower of reading and writing, writing the better of its two ways. */
    double ceiling() {
      return Math.min(consumerPerSecond, Math.max(writerPerSecond, batchedWriterPerSecond));
    }
  }

  /** One system draining a preloaded backlog. */
  record Backlog(
      String system,
      String settings,
      long rows,
      double launchToLastWriteSeconds,
      double firstToLastWriteSeconds,
      double peakRssMiB,
      double cpuSeconds,
      double gcPauseSeconds,
      SortedMap<Long, Long> timeline) {
    double rowsPerSecond() {
      return rows / launchToLastWriteSeconds;
    }

    double steadyRowsPerSecond() {
      return rows / Math.max(firstToLastWriteSeconds, 1e-3);
    }

    double cpuSecondsPerMillion() {
      return cpuSeconds / rows * 1_000_000;
    }
  }

  /** One system running with no input: what it costs to wait. */
  record Idle(String system, String settings, double seconds, double cpuSeconds, double rssMiB) {
    double cpuSecondsPerMinute() {
      return cpuSeconds / seconds * 60;
    }
  }

  /** One system fed at a fixed rate: latency of each row and whether the backlog grew. */
  record Steady(
      String system,
      double rate,
      int seconds,
      long expected,
      long rows,
      Histogram latencyMillis,
      Histogram secondHalfLatencyMillis,
      double backlogGrowthSeconds,
      double peakRssMiB,
      double gcPauseSeconds,
      SortedMap<Long, Long> p99PerSecond,
      Optional<SparkBatches.Summary> batches) {
    boolean sustained() {
      return rows == expected && backlogGrowthSeconds < 1.0;
    }
  }
}
