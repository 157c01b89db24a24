package org.moviestream.pipeline.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the partitions whose committed offset has not moved for a while although messages wait
 * behind it: a stream that is stuck says so, naming the partition, its offset and what the offset
 * tracking says the offset waits for.
 */
public final class StuckPartitions {

  /**
   * One stuck partition, and whether it is time to log it (when found, then once per limit while it
   * lasts).
   */
  public record Stuck(String description, boolean log) {}

  private final long limitNanos;
  private final Map<String, Long> committedAt = new HashMap<>();
  private final Map<String, Long> movedAt = new HashMap<>();
  private final Map<String, Long> loggedAt = new HashMap<>();

  public StuckPartitions(long limitSeconds) {
    this.limitNanos = limitSeconds * 1_000_000_000L;
  }

  /**
   * @param committed "topic/partition" -> the group's committed offset
   * @param lag "topic/partition" -> messages behind it
   * @param held "topic/partition" -> what its first uncommitted offset waits for ({@link
   *     Waits#held()})
   */
  public List<Stuck> observe(
      Map<String, Long> committed, Map<String, Long> lag, Map<String, String> held, long nowNanos) {
    List<Stuck> stuck = new ArrayList<>();
    committed.forEach(
        (partition, offset) -> {
          if (!offset.equals(committedAt.put(partition, offset))) {
            movedAt.put(partition, nowNanos);
            loggedAt.remove(partition);
          }
          long behind = lag.getOrDefault(partition, 0L);
          long still = nowNanos - movedAt.get(partition);
          if (behind > 0 && still >= limitNanos) {
            String description =
                String.format(
                    "%s at offset %d (%,d messages behind, no commit for %d s): %s",
                    partition,
                    offset,
                    behind,
                    still / 1_000_000_000L,
                    held.getOrDefault(
                        partition, "the offset tracking has said nothing about it in this JVM"));
            Long logged = loggedAt.get(partition);
            boolean log = logged == null || nowNanos - logged >= limitNanos;
            if (log) {
              loggedAt.put(partition, nowNanos);
            }
            stuck.add(new Stuck(description, log));
          }
        });
    return stuck;
  }
}
