package org.moviestream.pipeline.ingest;

import static org.junit.Assert.assertEquals;

import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.io.kafka.KafkaCheckpointMark;
import org.apache.beam.sdk.io.kafka.KafkaCheckpointMark.PartitionMark;
import org.junit.Test;

public class GrowingTopicSourceTest {

  private static KafkaCheckpointMark mark(PartitionMark... partitions) {
    return new KafkaCheckpointMark(List.of(partitions), Optional.empty());
  }

  private static String describe(KafkaCheckpointMark mark) {
    StringBuilder text = new StringBuilder();
    mark.getPartitions()
        .forEach(
            p ->
                text.append(p.getPartition())
                    .append('@')
                    .append(p.getNextOffset())
                    .append('/')
                    .append(p.getWatermarkMillis())
                    .append(' '));
    return text.toString().strip();
  }

  @Test
  public void aPartitionTheMarkLacksStartsAtItsEarliestOffsetWithTheMarksEarliestWatermark() {
    KafkaCheckpointMark stored =
        mark(new PartitionMark("t", 0, 120, 5_000), new PartitionMark("t", 1, 98, 4_000));
    assertEquals(
        "0@120/5000 1@98/4000 2@-1/4000 3@-1/4000",
        describe(GrowingTopicSource.coverAll(stored, List.of(0, 1, 2, 3))));
  }

  @Test
  public void aMarkOfEveryPartitionIsKeptAsItIs() {
    KafkaCheckpointMark stored =
        mark(new PartitionMark("t", 0, 7, 1_000), new PartitionMark("t", 1, 9, 2_000));
    assertEquals("0@7/1000 1@9/2000", describe(GrowingTopicSource.coverAll(stored, List.of(0, 1))));
  }

  @Test
  public void aPartitionOnlyTheMarkHasIsKeptNotDropped() {
    KafkaCheckpointMark stored =
        mark(new PartitionMark("t", 0, 7, 1_000), new PartitionMark("t", 2, 3, 2_000));
    // Kafka answered with fewer partitions (or not at all): reading goes on where it was.
    assertEquals("0@7/1000 2@3/2000", describe(GrowingTopicSource.coverAll(stored, List.of())));
    assertEquals(
        "0@7/1000 1@-1/1000 2@3/2000",
        describe(GrowingTopicSource.coverAll(stored, List.of(0, 1))));
  }
}
