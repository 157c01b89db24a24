package org.moviestream.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupProgressTest {

  @Test
  void lagIsWhatLiesBeyondTheCommittedOffsetAndANeverCommittedPartitionCountsWhole() {
    GroupProgress progress =
        GroupProgress.of(Map.of(0, 120L, 1, 98L, 2, 40L), Map.of(0, 100L, 1, 98L));
    assertEquals(new GroupProgress.Partition(0, 120, 100, 20), progress.partitions().get(0));
    assertEquals(new GroupProgress.Partition(1, 98, 98, 0), progress.partitions().get(1));
    assertEquals(new GroupProgress.Partition(2, 40, 0, 40), progress.partitions().get(2));
    assertEquals(60, progress.totalLag());
    assertEquals(258, progress.totalLogEnd());
    assertEquals(198, progress.totalCommitted());
  }

  @Test
  void aCommitBeyondTheLogEndIsNoNegativeLag() {
    // A re-created topic: the old commit lies past the new log's end.
    assertEquals(0, GroupProgress.lag(10, 500L));
    assertEquals(10, GroupProgress.lag(10, null));
  }
}
