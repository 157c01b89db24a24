package org.moviestream.pipeline.cassandra;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.PreparedStatement;
import com.datastax.driver.core.QueryOptions;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.policies.ExponentialReconnectionPolicy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.moviestream.pipeline.shared.JvmResources;

/**
 * One Cassandra session per target per JVM, shared by every writer DoFn instance in it.
 *
 * <p>A writer that owns its Cluster (as CassandraIO's does) connects and closes one per partition
 * of each micro-batch, and closing alone waits out the driver's two-second event-loop quiet period;
 * the shared session is one of the JVM's {@link JvmResources}.
 */
final class SharedSessions {

  private static final Map<Map.Entry<CassandraTarget, String>, PreparedStatement> PREPARED =
      new ConcurrentHashMap<>();

  private SharedSessions() {}

  /** The shared session of {@code target}, connected on first use. */
  static Session session(CassandraTarget target) {
    return JvmResources.shared(
        target, () -> connect(target), session -> session.getCluster().close());
  }

  /** {@code cql} prepared once per JVM on the shared session of {@code target}. */
  static PreparedStatement prepared(CassandraTarget target, String cql) {
    return PREPARED.computeIfAbsent(Map.entry(target, cql), key -> session(target).prepare(cql));
  }

  /**
   * A query prepared like {@link #prepared}, read at the level that sees every row written to
   * {@code target}.
   */
  static PreparedStatement preparedRead(CassandraTarget target, String cql) {
    return prepared(target, cql).setConsistencyLevel(target.consistency().reads());
  }

  private static Session connect(CassandraTarget target) {
    Cluster cluster =
        target
            .cassandra()
            // The driver's own defaults: a write's timeout is the retry's to handle.
            .clusterBuilder(Duration.ofSeconds(5), Duration.ofSeconds(12))
            // Every write at the target's level; queries say their own (preparedRead).
            .withQueryOptions(new QueryOptions().setConsistencyLevel(target.consistency().writes()))
            // Back within seconds of Cassandra's return (the driver's default waits up to 10
            // minutes).
            .withReconnectionPolicy(
                new ExponentialReconnectionPolicy(500, target.maxBackoffSeconds() * 1000L))
            .withoutJMXReporting()
            .build();
    try {
      return cluster.connect(target.keyspace());
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }
}
