package org.moviestream.cassandra;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;

/**
 * How many replicas acknowledge a write before it counts as durable, and the read level that then
 * sees every acknowledged row (read and write replicas overlap: R + W > RF), which is what a window
 * counted from its rows needs.
 */
public enum WriteConsistency {
  ONE(DefaultConsistencyLevel.ONE, DefaultConsistencyLevel.ALL),
  LOCAL_ONE(DefaultConsistencyLevel.LOCAL_ONE, DefaultConsistencyLevel.ALL),
  QUORUM(DefaultConsistencyLevel.QUORUM, DefaultConsistencyLevel.QUORUM),
  LOCAL_QUORUM(DefaultConsistencyLevel.LOCAL_QUORUM, DefaultConsistencyLevel.LOCAL_QUORUM),
  EACH_QUORUM(DefaultConsistencyLevel.EACH_QUORUM, DefaultConsistencyLevel.LOCAL_QUORUM),
  ALL(DefaultConsistencyLevel.ALL, DefaultConsistencyLevel.ONE);

  private final DefaultConsistencyLevel writes;
  private final DefaultConsistencyLevel reads;

  WriteConsistency(DefaultConsistencyLevel writes, DefaultConsistencyLevel reads) {
    this.writes = writes;
    this.reads = reads;
  }

  /** The level of every write. */
  public DefaultConsistencyLevel writes() {
    return writes;
  }

  /** The level of a read that must see every row written at {@link #writes}. */
  public DefaultConsistencyLevel reads() {
    return reads;
  }
}
