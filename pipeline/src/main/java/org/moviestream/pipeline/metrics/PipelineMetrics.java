package org.moviestream.pipeline.metrics;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;
import org.moviestream.contract.RejectReason;

/** The pipeline's Beam counters, all in one namespace so that progress lines can query them. */
public final class PipelineMetrics {

  public static final String NAMESPACE = "movie-stream";

  public static final String READ = "read";
  public static final String PARSED = "parsed";
  public static final String ENRICHED = "enriched";
  public static final String WRITTEN = "written";
  public static final String WINDOWS_WRITTEN = "windows_written";
  public static final String DEAD_LETTERS = "dead_letters";

  /** Window rows counted again for ratings too late for any pane. */
  public static final String LATE_WINDOWS = "late_windows";

  /**
   * Offsets that became committable: their messages are durable in Cassandra or on the dead-letter
   * topic.
   */
  public static final String COMMITTED = "committed";

  /** The messages read from one partition ("read_from_partition.3"), beside the total. */
  public static final String READ_FROM_PARTITION = "read_from_partition.";

  /** The dead letters of one reason ("dead_letters.MALFORMED_JSON"), beside the total. */
  public static final String DEAD_LETTERS_OF = DEAD_LETTERS + ".";

  private PipelineMetrics() {}

  /** The counter of dead letters written for {@code reason}. */
  public static Counter deadLetters(RejectReason reason) {
    return counter(DEAD_LETTERS_OF + reason.name());
  }

  /** The counter of messages read from {@code partition} of the ratings topic. */
  public static Counter readFrom(int partition) {
    return counter(READ_FROM_PARTITION + partition);
  }

  public static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }
}
