package org.moviestream.cassandra;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.ConsistencyLevel;
import com.datastax.driver.core.QueryOptions;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.SocketOptions;
import com.datastax.driver.core.exceptions.NoHostAvailableException;
import com.datastax.driver.core.policies.ExponentialReconnectionPolicy;
import java.util.List;
import org.moviestream.cli.ContactList;

/**
 * Opens a driver session to a Cassandra node or cluster and turns "cannot connect" into a clear
 * message. Reads and writes are at {@code LOCAL_QUORUM}: a read sees every row that a quorum of its
 * replicas acknowledged, and a cluster of three answers with one node down.
 */
public final class CassandraConnection implements AutoCloseable {

  private final Cluster cluster;
  private final Session session;

  private CassandraConnection(Cluster cluster, Session session) {
    this.cluster = cluster;
    this.session = session;
  }

  /**
   * Connects through {@code hosts} (comma-separated contact points, all on {@code port}); throws
   * {@link IllegalStateException} naming them if none answers.
   */
  public static CassandraConnection open(String hosts, int port) {
    return open(ContactList.of(hosts), port);
  }

  /** Connects through any of {@code hosts}, all on {@code port}. */
  public static CassandraConnection open(List<String> hosts, int port) {
    Cluster cluster =
        Cluster.builder()
            .addContactPoints(hosts.toArray(String[]::new))
            .withPort(port)
            .withQueryOptions(new QueryOptions().setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM))
            .withoutJMXReporting()
            // Back within seconds of a restarted node, not the driver's default of up to 10
            // minutes.
            .withReconnectionPolicy(new ExponentialReconnectionPolicy(500, 5_000))
            .withSocketOptions(
                new SocketOptions().setConnectTimeoutMillis(5_000).setReadTimeoutMillis(30_000))
            .build();
    try {
      return new CassandraConnection(cluster, cluster.connect());
    } catch (NoHostAvailableException | IllegalArgumentException e) {
      cluster.close();
      throw new IllegalStateException(
          "cannot reach Cassandra at "
              + String.join(",", hosts)
              + " (port "
              + port
              + ")"
              + " (is the stack up? run: bin/stack start)",
          e);
    }
  }

  public Session session() {
    return session;
  }

  @Override
  public void close() {
    cluster.close();
  }
}
