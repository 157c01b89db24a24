package org.moviestream.pipeline.cassandra;

import java.io.Serializable;
import java.util.List;
import org.joda.time.Duration;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.cassandra.WriteConsistency;
import org.moviestream.pipeline.options.CassandraWriteOptions;
import org.moviestream.pipeline.options.CassandraWriter;

/**
 * Where rows go (Cassandra nodes and how to log in to them, keyspace), how they are written (at
 * which consistency, by which writer) and how failures are retried.
 */
public record CassandraTarget(
    CassandraSettings cassandra,
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
    return new CassandraTarget(
        CassandraSettings.load(
            options.getCassandraHosts(), options.getCassandraPort(), options.getCassandraConfig()),
        options.getKeyspace(),
        options.getCassandraConsistency(),
        options.getCassandraWriter(),
        options.getCassandraMaxInFlight(),
        options.getCassandraBatchRows(),
        options.getCassandraWriteAttempts(),
        options.getCassandraMaxBackoffSeconds());
  }

  public List<String> hosts() {
    return cassandra.hosts();
  }

  public int port() {
    return cassandra.port();
  }

  /**
   * "keyspace@host1,host2:port", the hosts sorted: what a consumer group's commits name as the
   * place their ratings are durable.
   */
  public String describe() {
    return keyspace + "@" + String.join(",", hosts().stream().sorted().toList()) + ":" + port();
  }

  /** How statements against this target ride out outages and refusals. */
  public CassandraRetry retry() {
    return new CassandraRetry(writeAttempts, Duration.standardSeconds(maxBackoffSeconds));
  }
}
