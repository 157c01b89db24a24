package org.moviestream.cassandra;

import com.datastax.driver.core.Cluster;
import com.datastax.driver.core.ConsistencyLevel;
import com.datastax.driver.core.QueryOptions;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.exceptions.AuthenticationException;
import com.datastax.driver.core.exceptions.NoHostAvailableException;
import com.datastax.driver.core.policies.ExponentialReconnectionPolicy;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLException;

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
   * Connects through {@code hosts} (comma-separated contact points, all on {@code port}) of an open
   * cluster; throws {@link IllegalStateException} naming them if none answers.
   */
  public static CassandraConnection open(String hosts, int port) {
    return open(CassandraSettings.of(hosts, port));
  }

  /** Connects through any of {@code hosts}, all on {@code port}, of an open cluster. */
  public static CassandraConnection open(List<String> hosts, int port) {
    return open(String.join(",", hosts), port);
  }

  /**
   * Connects as {@code settings} say; throws {@link IllegalStateException} with one line saying why
   * not: nobody answers, the login or the TLS handshake was refused.
   */
  public static CassandraConnection open(CassandraSettings settings) {
    Cluster cluster =
        settings
            .clusterBuilder(Duration.ofSeconds(5), Duration.ofSeconds(30))
            .withQueryOptions(new QueryOptions().setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM))
            .withoutJMXReporting()
            // Back within seconds of a restarted node, not the driver's default of up to 10
            // minutes.
            .withReconnectionPolicy(new ExponentialReconnectionPolicy(500, 5_000))
            .build();
    try {
      return new CassandraConnection(cluster, cluster.connect());
    } catch (RuntimeException e) {
      cluster.close();
      throw refused(settings, e);
    }
  }

  /**
   * What a failed connection means, in one line: a refused login, a TLS handshake that failed (or a
   * node that wants TLS from a client without it), or no node answering.
   */
  public static IllegalStateException refused(CassandraSettings settings, RuntimeException e) {
    String at =
        "Cassandra at " + String.join(",", settings.hosts()) + " (port " + settings.port() + ")";
    if (e instanceof AuthenticationException) {
      return new CassandraRefusedException(
          at
              + " refused the login ("
              + e.getMessage()
              + "): check the credentials in "
              + settings.describeSource(),
          e);
    }
    if (e instanceof NoHostAvailableException noHost) {
      for (Throwable error : noHost.getErrors().values()) {
        if (error instanceof AuthenticationException) {
          return refused(settings, (AuthenticationException) error);
        }
        if (causedBy(error, SSLException.class)) {
          return new CassandraRefusedException(
              at
                  + ": the TLS handshake failed ("
                  + rootMessage(error)
                  + "): check the truststore in "
                  + settings.describeSource(),
              e);
        }
      }
      return new IllegalStateException(
          "cannot reach "
              + at
              + (settings.source() != null && settings.truststorePath() == null
                  ? " (is the stack up? run: bin/stack start; does it want TLS?)"
                  : " (is the stack up? run: bin/stack start)"),
          e);
    }
    if (e instanceof IllegalStateException state) {
      return state;
    }
    return new IllegalStateException("cannot use " + at + ": " + e.getMessage(), e);
  }

  private static boolean causedBy(Throwable error, Class<? extends Throwable> kind) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (kind.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable error) {
    String message = error.getMessage();
    for (Throwable cause = error.getCause();
        cause != null && cause != error;
        cause = cause.getCause()) {
      if (cause.getMessage() != null) {
        message = cause.getMessage();
      }
      error = cause;
    }
    return message;
  }

  public Session session() {
    return session;
  }

  @Override
  public void close() {
    cluster.close();
  }
}
