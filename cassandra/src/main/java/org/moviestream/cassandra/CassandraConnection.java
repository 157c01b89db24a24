package org.moviestream.cassandra;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.typesafe.config.ConfigException;
import java.util.List;
import javax.net.ssl.SSLException;
import org.moviestream.cli.Causes;

/**
 * Opens a driver session to a Cassandra node or cluster and turns "cannot connect" into a clear
 * message. Reads and writes are at {@code LOCAL_QUORUM}: a read sees every row that a quorum of its
 * replicas acknowledged, and a cluster of three answers with one node down.
 */
public final class CassandraConnection implements AutoCloseable {

  /** The tools' session: their requests wait longer than the driver's two seconds. */
  private static final String DEFAULTS = "basic.request.timeout = 30 seconds";

  private static final String REQUIRED = "basic.request.consistency = LOCAL_QUORUM";

  private final CqlSession session;

  private CassandraConnection(CqlSession session) {
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
    try {
      return new CassandraConnection(settings.sessionBuilder(DEFAULTS, REQUIRED).build());
    } catch (RuntimeException e) {
      throw refused(settings, e);
    }
  }

  /**
   * What a failed connection means, in one line: a value of the config file the driver cannot use
   * ({@link IllegalArgumentException}: a setup error), a refused login, a TLS handshake that failed
   * (or a node that wants TLS from a client without it), or no node answering.
   */
  public static RuntimeException refused(CassandraSettings settings, RuntimeException e) {
    if (e instanceof CassandraRefusedException refused) {
      return refused;
    }
    ConfigException badValue = Causes.find(e, ConfigException.class);
    if (badValue != null) {
      return new IllegalArgumentException(
          "bad Cassandra driver setting: " + badValue.getMessage(), e);
    }
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
    if (e instanceof AllNodesFailedException noNode) {
      for (List<Throwable> errors : noNode.getAllErrors().values()) {
        for (Throwable error : errors) {
          AuthenticationException login = Causes.find(error, AuthenticationException.class);
          if (login != null) {
            return refused(settings, login);
          }
          if (Causes.causedBy(error, SSLException.class)) {
            return new CassandraRefusedException(
                at
                    + ": the TLS handshake failed ("
                    + Causes.rootMessage(error)
                    + "): check the truststore in "
                    + settings.describeSource(),
                e);
          }
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
    return new IllegalStateException("cannot use " + at + ": " + Causes.rootMessage(e), e);
  }

  public CqlSession session() {
    return session;
  }

  @Override
  public void close() {
    session.close();
  }
}
