package org.moviestream.pipeline.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.moviestream.pipeline.shared.JvmResources;

/**
 * One Cassandra session per target per JVM, shared by every writer DoFn instance in it.
 *
 * <p>A writer that owns its session (as CassandraIO's does) connects and closes one per partition
 * of each micro-batch; the shared session is one of the JVM's {@link JvmResources}.
 */
final class SharedSessions {

  private static final Map<Map.Entry<CassandraTarget, String>, PreparedStatement> PREPARED =
      new ConcurrentHashMap<>();

  private SharedSessions() {}

  /** The shared session of {@code target}, connected on first use. */
  static CqlSession session(CassandraTarget target) {
    return JvmResources.shared(target, () -> connect(target), CqlSession::close);
  }

  /** {@code cql} prepared once per JVM on the shared session of {@code target}. */
  static PreparedStatement prepared(CassandraTarget target, String cql) {
    return PREPARED.computeIfAbsent(Map.entry(target, cql), key -> session(target).prepare(cql));
  }

  private static CqlSession connect(CassandraTarget target) {
    return target
        .cassandra()
        .sessionBuilder(
            // A write's timeout is the retry's to handle; the driver's 2 s is short for a batch.
            "basic.request.timeout = 12 seconds\n"
                // Back within seconds of Cassandra's return.
                + "advanced.reconnection-policy.max-delay = "
                + target.maxBackoffSeconds()
                + " seconds",
            // Every write at the target's level; reads say their own (CassandraTarget.read).
            "basic.request.consistency = " + target.consistency().writes())
        .withKeyspace(target.keyspace())
        .build();
  }
}
