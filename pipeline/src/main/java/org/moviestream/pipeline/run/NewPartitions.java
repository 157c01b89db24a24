package org.moviestream.pipeline.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.moviestream.kafka.GroupProgress;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * Partitions the ratings topic gained while the job runs. The reader takes them up within seconds
 * (GrowingTopicSource); should it not, a partition holding messages that no read reached for {@link
 * #UNREAD_LIMIT} ends the job in one line with exit 1, so that a supervisor's restart reads it (a
 * start reads every partition the topic has) instead of the job waiting on it silently.
 */
final class NewPartitions {

  static final Duration UNREAD_LIMIT = Duration.ofSeconds(60);

  /** What one look found: lines to print, and why the job must end (null: it need not). */
  record Look(List<String> lines, String endWhy) {}

  private final String topic;
  private final int atStart;
  private final long limitNanos;
  private boolean said;
  private final Map<Integer, Long> unreadSince = new HashMap<>();

  NewPartitions(String topic, int partitionsAtStart, Duration limit) {
    this.topic = topic;
    this.atStart = partitionsAtStart;
    this.limitNanos = limit.toNanos();
  }

  /**
   * @param progress the group's progress on every partition the topic has now
   * @param counters the job's counters ({@link PipelineMetrics#READ_FROM_PARTITION} per partition)
   */
  Look observe(GroupProgress progress, Map<String, Long> counters, long nowNanos) {
    List<String> lines = new ArrayList<>();
    int now = progress.partitions().size();
    if (now > atStart && !said) {
      said = true;
      lines.add(
          String.format(
              "NEW PARTITIONS: %s has %d partitions now, %d when the job started: the job reads the"
                  + " new ones from their earliest offsets",
              topic, now, atStart));
    }
    String endWhy = null;
    for (GroupProgress.Partition partition : progress.partitions().values()) {
      int p = partition.partition();
      boolean read = counters.getOrDefault(PipelineMetrics.READ_FROM_PARTITION + p, 0L) > 0;
      if (p < atStart || read || partition.lag() == 0) {
        unreadSince.remove(p);
        continue;
      }
      long since = unreadSince.computeIfAbsent(p, unread -> nowNanos);
      if (nowNanos - since >= limitNanos && endWhy == null) {
        endWhy =
            String.format(
                "NEW PARTITIONS NOT READ: %s/%d holds %,d messages the job has not read %d s after"
                    + " they came: ending so that a restart reads them",
                topic, p, partition.lag(), (nowNanos - since) / 1_000_000_000L);
      }
    }
    return new Look(lines, endWhy);
  }
}
