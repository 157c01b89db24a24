package org.moviestream.kafka;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.moviestream.cli.Causes;

/** What a Kafka client's failure means to the person who started the program, in one line. */
public final class KafkaFailures {

  private KafkaFailures() {}

  /**
   * An {@link IllegalStateException} that says why Kafka at {@code kafka}'s brokers would not work
   * with us: a refused login, a failed TLS handshake, a missing grant, a client that could not even
   * be built (a truststore that is not there), or whatever the broker said.
   */
  public static IllegalStateException refused(KafkaSettings kafka, Throwable failure) {
    String at = "Kafka at " + kafka.bootstrapServers();
    String why = Causes.rootMessage(failure);
    String line;
    if (failure instanceof SslAuthenticationException) {
      line =
          at
              + ": the TLS handshake failed ("
              + why
              + "): check the truststore in "
              + kafka.source();
    } else if (failure instanceof AuthenticationException) {
      line = at + " refused the login (" + why + "): check the credentials in " + kafka.source();
    } else if (failure instanceof AuthorizationException) {
      line = at + " denied access (" + why + "): the user needs a grant (an ACL) for it";
    } else if (failure.getCause() != null && failure.getCause() != failure) {
      line = "cannot use " + at + ": " + why;
    } else {
      line = at + " refused: " + why;
    }
    return new IllegalStateException(line, failure);
  }

  /**
   * Whether {@code failure} is Kafka turning us away (login, TLS, grants, a client the settings
   * cannot build) rather than not answering: waiting would not help, the settings must change.
   */
  public static boolean isRefusal(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof AuthenticationException
          || cause instanceof AuthorizationException
          || (cause instanceof KafkaException
              && cause.getMessage() != null
              && cause.getMessage().startsWith("Failed to "))) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
