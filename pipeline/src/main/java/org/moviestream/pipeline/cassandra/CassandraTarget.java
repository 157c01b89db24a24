package org.moviestream.pipeline.cassandra;

import java.io.Serializable;
import java.util.List;
import org.joda.time.Duration;
import org.moviestream.cassandra.WriteConsistency;
import org.moviestream.cli.ContactList;
import org.moviestream.pipeline.options.CassandraWriteOptions;
import org.moviestream.pipeline.options.CassandraWriter;

/**
 * Where rows go (Cassandra hosts, port, keyspace), how they are written (at which consistency, by
 * which writer) and how failures are retried.
 */
public record CassandraTarget(
    List<String> hosts,
    int port,
    String keyspace,
    WriteConsistency consistency,
    CassandraWriter writer,
    int maxInFlight,
    int batchRows,
    int writeAttempts,
    int maxBackoffSeconds)
    implements Serializable {

  /** The target the options describe. */
  public static CassandraTarget from(CassandraWriteOptions options) {
    return of(
        options.getCassandraHosts(),
        options.getCassandraPort(),
        options.getKeyspace(),
        options.getCassandraConsistency(),
        options.getCassandraWriter(),
        options.getCassandraMaxInFlight(),
        options.getCassandraBatchRows(),
        options.getCassandraWriteAttempts(),
        options.getCassandraMaxBackoffSeconds());
  }

  /** {@code hosts} is a comma-separated list of contact points. */
  public static CassandraTarget of(
      String hosts,
      int port,
      String keyspace,
      WriteConsistency consistency,
      CassandraWriter writer,
      int maxInFlight,
      int batchRows,
      int writeAttempts,
      int maxBackoffSeconds) {
    return new CassandraTarget(
        ContactList.of(hosts),
        port,
        keyspace,
        consistency,
        writer,
        maxInFlight,
        batchRows,
        writeAttempts,
        maxBackoffSeconds);
  }

  /** How statements against this target ride out outages and refusals. */
  public CassandraRetry retry() {
    return new CassandraRetry(writeAttempts, Duration.standardSeconds(maxBackoffSeconds));
  }
}
