package org.moviestream.cassandra;

import com.datastax.driver.core.ConsistencyLevel;

/**
 * How many replicas acknowledge a write before it counts as durable, and the read level that then
 * sees every acknowledged row (read and write replicas overlap: R + W > RF), which is what a window
 * counted from its rows needs.
 */
public enum WriteConsistency {
  ONE(ConsistencyLevel.ONE, ConsistencyLevel.ALL),
  LOCAL_ONE(ConsistencyLevel.LOCAL_ONE, ConsistencyLevel.ALL),
  QUORUM(ConsistencyLevel.QUORUM, ConsistencyLevel.QUORUM),
  LOCAL_QUORUM(ConsistencyLevel.LOCAL_QUORUM, ConsistencyLevel.LOCAL_QUORUM),
  EACH_QUORUM(ConsistencyLevel.EACH_QUORUM, ConsistencyLevel.LOCAL_QUORUM),
  ALL(ConsistencyLevel.ALL, ConsistencyLevel.ONE);

  private final ConsistencyLevel writes;
  private final ConsistencyLevel reads;

  WriteConsistency(ConsistencyLevel writes, ConsistencyLevel reads) {
    this.writes = writes;
    this.reads = reads;
  }

  /** The level of every write. */
  public ConsistencyLevel writes() {
    return writes;
  }

  /** The level of a read that must see every row written at {@link #writes}. */
  public ConsistencyLevel reads() {
    return reads;
  }
}
