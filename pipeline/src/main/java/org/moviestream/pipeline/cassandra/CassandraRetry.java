package org.moviestream.pipeline.cassandra;

import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;
import java.io.Serializable;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.beam.sdk.util.BackOff;
import org.apache.beam.sdk.util.BackOffUtils;
import org.apache.beam.sdk.util.FluentBackoff;
import org.apache.beam.sdk.util.Sleeper;
import org.joda.time.Duration;
import org.moviestream.contract.Excerpt;
import org.moviestream.pipeline.metrics.Waits;

/**
 * How the pipeline rides out Cassandra's state: a statement that fails because of the cluster
 * (down, overloaded, timing out, a keyspace or table missing, a grant revoked) is retried with
 * exponential backoff for as long as it takes, shown as a {@link Waits wait} on "cassandra"; only a
 * statement Cassandra refuses because of the row itself (a key too large, a value the table
 * rejects) is tried {@code attempts} times and then reported as {@link Refused}, to become a {@code
 * WRITE_FAILED} dead letter.
 */
public final class CassandraRetry implements Serializable {

  public static final String CASSANDRA = "cassandra";

  /**
   * Messages of Cassandra's invalid-request errors that are about the schema or the session, not
   * the row: a table dropped and re-created during a migration must be waited for, not blamed on
   * every row that meets it.
   */
  private static final Pattern ABOUT_THE_SCHEMA =
      Pattern.compile(
          "(?i)unconfigured table|does not exist|undefined column|unknown identifier|keyspace|no such table|not found|unprepared");

  private final int attempts;
  private final Duration maxBackoff;

  public CassandraRetry(int attempts, Duration maxBackoff) {
    this.attempts = attempts;
    this.maxBackoff = maxBackoff;
  }

  /** A statement Cassandra refused every time it was tried. */
  public static final class Refused extends Exception {
    Refused(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Runs {@code call} until it succeeds, waiting out the cluster's state; throws {@link Refused}
   * for a row that can never be written.
   */
  public <T> T call(String what, Supplier<T> call) throws Refused, InterruptedException {
    BackOff backoff =
        FluentBackoff.DEFAULT
            .withInitialBackoff(Duration.millis(200))
            .withMaxBackoff(maxBackoff)
            .withMaxRetries(Integer.MAX_VALUE)
            .backoff();
    int refusals = 0;
    while (true) {
      try {
        T result = call.get();
        Waits.end(CASSANDRA);
        return result;
      } catch (RuntimeException error) {
        Throwable cause = unwrap(error);
        if (isRefusal(cause)) {
          Waits.end(CASSANDRA);
          if (++refusals >= attempts) {
            throw new Refused(what + " refused " + refusals + " times: " + describe(cause), cause);
          }
        } else {
          Waits.begin(
              CASSANDRA,
              describe(cause),
              "holding the writes and retrying with backoff until it answers");
        }
        if (!BackOffUtils.next(Sleeper.DEFAULT, backoff)) {
          throw new IllegalStateException("backoff exhausted", cause);
        }
      }
    }
  }

  /**
   * A refusal of the row itself, which no wait will change; anything else is the cluster's state.
   */
  public static boolean isRefusal(Throwable error) {
    if (error instanceof InvalidQueryException) {
      return error.getMessage() == null || !ABOUT_THE_SCHEMA.matcher(error.getMessage()).find();
    }
    return error instanceof CodecNotFoundException || error instanceof IllegalArgumentException;
  }

  /** Seconds this JVM has been waiting for Cassandra, or -1 when it answers. */
  public static long outageSeconds() {
    return Waits.seconds(CASSANDRA);
  }

  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof ExecutionException
            || cause instanceof java.util.concurrent.CompletionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  static String describe(Throwable error) {
    return error.getClass().getSimpleName()
        + ": "
        + Excerpt.prefix(String.valueOf(error.getMessage()), 300);
  }
}
