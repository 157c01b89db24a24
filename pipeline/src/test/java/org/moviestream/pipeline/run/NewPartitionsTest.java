package org.moviestream.pipeline.run;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.Test;
import org.moviestream.kafka.GroupProgress;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * A partition added while the job runs is said once; one that holds messages no read reached for
 * the limit ends the job, counted from when its messages came, not from when it was added.
 */
public class NewPartitionsTest {

  private static final long SECOND = 1_000_000_000L;

  private final NewPartitions partitions =
      new NewPartitions("movies_ratings", 3, Duration.ofSeconds(60));

  /** Log ends of partitions 0..n-1; the group committed nothing of partition 3. */
  private static GroupProgress topic(long... logEnds) {
    Map<Integer, Long> ends = new java.util.TreeMap<>();
    for (int p = 0; p < logEnds.length; p++) {
      ends.put(p, logEnds[p]);
    }
    return GroupProgress.of(ends, Map.of(0, 10L, 1, 10L, 2, 10L));
  }

  private static Map<String, Long> read(int partition, long count) {
    return Map.of(PipelineMetrics.READ_FROM_PARTITION + partition, count);
  }

  @Test
  public void anAddedPartitionIsSaidOnce() {
    NewPartitions.Look first = partitions.observe(topic(10, 10, 10, 0), Map.of(), 0);
    assertEquals(
        List.of(
            "NEW PARTITIONS: movies_ratings has 4 partitions now, 3 when the job started: the job"
                + " reads the new ones from their earliest offsets"),
        first.lines());
    assertEquals(List.of(), partitions.observe(topic(10, 10, 10, 0), Map.of(), SECOND).lines());
    assertEquals(
        List.of(),
        new NewPartitions("t", 3, Duration.ofSeconds(60))
            .observe(topic(1, 1, 1), Map.of(), 0)
            .lines());
  }

  @Test
  public void anEmptyNewPartitionWaitsForEver() {
    partitions.observe(topic(10, 10, 10, 0), Map.of(), 0);
    assertNull(partitions.observe(topic(10, 10, 10, 0), Map.of(), 600 * SECOND).endWhy());
  }

  @Test
  public void messagesOnANewPartitionThatNoReadReachedForAMinuteEndTheJob() {
    partitions.observe(topic(10, 10, 10, 0), Map.of(), 0);
    // Messages come 5 minutes later (a producer sees a new partition only when its metadata ages).
    assertNull(partitions.observe(topic(10, 10, 10, 2_500), Map.of(), 300 * SECOND).endWhy());
    assertNull(partitions.observe(topic(10, 10, 10, 2_500), Map.of(), 359 * SECOND).endWhy());
    String why = partitions.observe(topic(10, 10, 10, 2_500), Map.of(), 360 * SECOND).endWhy();
    assertEquals(
        "NEW PARTITIONS NOT READ: movies_ratings/3 holds 2,500 messages the job has not read 60 s"
            + " after they came: ending so that a restart reads them",
        why);
  }

  @Test
  public void aNewPartitionTheJobReadsNeverEndsIt() {
    partitions.observe(topic(10, 10, 10, 2_500), Map.of(), 0);
    assertNull(partitions.observe(topic(10, 10, 10, 2_500), read(3, 1), 600 * SECOND).endWhy());
    NewPartitions other = new NewPartitions("movies_ratings", 3, Duration.ofSeconds(60));
    other.observe(topic(10, 10, 10, 2_500), read(0, 100), 0);
    assertTrue(
        "reads of an old partition do not count for the new one",
        other.observe(topic(10, 10, 10, 2_500), read(0, 100), 60 * SECOND).endWhy() != null);
  }

  @Test
  public void thePartitionsAJobStartedWithAreNotItsBusiness() {
    assertNull(partitions.observe(topic(5_000, 5_000, 5_000), Map.of(), 0).endWhy());
    assertNull(partitions.observe(topic(5_000, 5_000, 5_000), Map.of(), 600 * SECOND).endWhy());
  }
}
