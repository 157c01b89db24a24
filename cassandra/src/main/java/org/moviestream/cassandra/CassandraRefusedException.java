package org.moviestream.cassandra;

/**
 * Cassandra turned these settings away (a refused login, a failed TLS handshake, a truststore that
 * cannot be opened): waiting would not help, the settings must change.
 */
public final class CassandraRefusedException extends IllegalStateException {

  private static final long serialVersionUID = 1L;

  public CassandraRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
