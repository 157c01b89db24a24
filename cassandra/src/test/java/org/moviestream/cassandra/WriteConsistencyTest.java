package org.moviestream.cassandra;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import org.junit.jupiter.api.Test;

class WriteConsistencyTest {

  /** Replicas of one datacenter that answer at {@code level}, with {@code rf} replicas there. */
  private static int replicas(DefaultConsistencyLevel level, int rf) {
    return switch (level) {
      case ONE, LOCAL_ONE -> 1;
      case QUORUM, LOCAL_QUORUM, EACH_QUORUM -> rf / 2 + 1;
      case ALL -> rf;
      default -> throw new IllegalArgumentException(level.name());
    };
  }

  @Test
  void everyReadLevelOverlapsEveryWriteItPairsWith() {
    for (int rf = 1; rf <= 5; rf++) {
      for (WriteConsistency consistency : WriteConsistency.values()) {
        int written = replicas(consistency.writes(), rf);
        int read = replicas(consistency.reads(), rf);
        assertTrue(
            read + written > rf,
            consistency + " at replication factor " + rf + ": " + read + " + " + written);
      }
    }
  }
}
