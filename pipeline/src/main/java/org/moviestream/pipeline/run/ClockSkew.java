package org.moviestream.pipeline.run;

import static org.moviestream.pipeline.run.ProgressReporter.get;

import java.util.Map;
import org.moviestream.contract.RejectReason;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * Notices when most of the ratings read since the last look were rejected for their time: stamped
 * too far ahead of this machine's clock ({@code FUTURE_TIMESTAMP} dead letters: the producers'
 * clocks run ahead, or this one behind) or too late for any pane of their window (the producers'
 * clocks run behind). Either way a clock is wrong, not the ratings, and the job says so.
 */
final class ClockSkew {

  /** Fewer ratings than this in a look say nothing about the clocks. */
  private static final long ENOUGH = 10;

  private static final long SAY_EVERY_NANOS = 60_000_000_000L;

  private final int maxClockSkewSeconds;
  private Map<String, Long> before = Map.of();
  private long saidAt;
  private boolean said;
  private String wait;

  ClockSkew(int maxClockSkewSeconds) {
    this.maxClockSkewSeconds = maxClockSkewSeconds;
  }

  /**
   * Takes the counters of a look at {@code nowNanos}; returns the line to log now (at most one a
   * minute while it lasts), or null.
   */
  String observe(Map<String, Long> counters, long nowNanos) {
    long read = get(counters, PipelineMetrics.READ) - get(before, PipelineMetrics.READ);
    String futureKey = PipelineMetrics.DEAD_LETTERS_OF + RejectReason.FUTURE_TIMESTAMP.name();
    long future = get(counters, futureKey) - get(before, futureKey);
    long late =
        get(counters, PipelineMetrics.LATE_WINDOWS) - get(before, PipelineMetrics.LATE_WINDOWS);
    before = counters;
    if (read < ENOUGH || 2 * (future + late) <= read) {
      wait = null;
      return null;
    }
    String share =
        String.format("%d%% of the %,d ratings read", 100 * (future + late) / read, read);
    wait =
        future >= late
            ? String.format(
                "clocks in sync (%s since the last look are stamped over %d s ahead of this"
                    + " machine's clock)",
                share, maxClockSkewSeconds)
            : String.format(
                "clocks in sync (%s since the last look came too late for their windows)", share);
    if (said && nowNanos - saidAt < SAY_EVERY_NANOS) {
      return null;
    }
    said = true;
    saidAt = nowNanos;
    return future >= late
        ? "CLOCK SKEW: "
            + share
            + " since the last look are stamped more than --maxClockSkewSeconds="
            + maxClockSkewSeconds
            + " s after this machine's clock and became FUTURE_TIMESTAMP dead letters: this"
            + " machine's clock runs behind the producers' (or theirs ahead); sync both with NTP"
        : "CLOCK SKEW: "
            + share
            + " since the last look came too late for any pane of their windows: the producers'"
            + " clocks run behind this machine's (or it ahead); sync both with NTP";
  }

  /** What the job waits for while most ratings are rejected for time, or null. */
  String waitingFor() {
    return wait;
  }
}
