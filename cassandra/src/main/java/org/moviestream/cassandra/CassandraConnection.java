package org.moviestream.cassandra;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.SocketOptions;
import com.datastax.driver.core.exceptions.NoHostAvailableException;
import com.datastax.driver.core.policies.ExponentialReconnectionPolicy;

/** Opens a driver session to one Cassandra node and turns "cannot connect" into a clear message. */
public final class CassandraConnection implements AutoCloseable {

  private final Cluster cluster;
  private final Session session;

  private CassandraConnection(Cluster cluster, Session session) {
    this.cluster = cluster;
    this.session = session;
  }

  /**
   * Connects to {@code host:port}; throws {@link IllegalStateException} naming the address if down.
   */
  public static CassandraConnection open(String host, int port) {
    Cluster cluster =
        Cluster.builder()
            .addContactPoint(host)
            .withPort(port)
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
              + host
              + ":"
              + port
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
