package org.moviestream.view.stream;

import java.time.Instant;
import java.util.Map;

/**
 * Per partition of the ratings topic at one instant: the log-end offset and the group's committed
 * offset.
 */
record OffsetSample(Instant time, Map<Integer, Long> logEnd, Map<Integer, Long> committed) {

  long totalLogEnd() {
    return logEnd.values().stream().mapToLong(Long::longValue).sum();
  }

  long totalCommitted() {
    return committed.values().stream().mapToLong(Long::longValue).sum();
  }
}
