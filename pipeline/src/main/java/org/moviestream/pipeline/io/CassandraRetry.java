package org.moviestream.pipeline.io;

import com.datastax.driver.core.exceptions.CodecNotFoundException;
import com.datastax.driver.core.exceptions.InvalidTypeException;
import com.datastax.driver.core.exceptions.QueryValidationException;
import java.io.Serializable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.beam.sdk.util.BackOff;
import org.apache.beam.sdk.util.BackOffUtils;
import org.apache.beam.sdk.util.FluentBackoff;
import org.apache.beam.sdk.util.Sleeper;
import org.joda.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the pipeline rides out Cassandra being away: a statement that fails because Cassandra is
 * down, overloaded or timing out is retried with exponential backoff for as long as it takes (one
 * log line when the outage starts, one when it ends); a statement Cassandra refuses (a value the
 * table rejects) is tried {@code attempts} times and then reported as {@link Refused}.
 */
public final class CassandraRetry implements Serializable {

  private static final Logger LOG = LoggerFactory.getLogger(CassandraRetry.class);
  /** When the current outage began (System.nanoTime), 0 when Cassandra answers; one per JVM. */
  private static final AtomicLong OUTAGE_SINCE = new AtomicLong();

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

  /** Runs {@code call} until it succeeds, waiting out outages; throws {@link Refused} for a statement that can never succeed. */
  public <T> T call(String what, Supplier<T> call) throws Refused, InterruptedException {
    BackOff backoff = FluentBackoff.DEFAULT
        .withInitialBackoff(Duration.millis(200))
        .withMaxBackoff(maxBackoff)
        .withMaxRetries(Integer.MAX_VALUE)
        .backoff();
    int refusals = 0;
    while (true) {
      try {
        T result = call.get();
        recovered();
        return result;
      } catch (RuntimeException error) {
        Throwable cause = unwrap(error);
        if (isRefusal(cause)) {
          recovered();
          if (++refusals >= attempts) {
            throw new Refused(what + " refused " + refusals + " times: " + describe(cause), cause);
          }
        } else {
          outage(cause);
        }
        if (!BackOffUtils.next(Sleeper.DEFAULT, backoff)) {
          throw new IllegalStateException("backoff exhausted", cause);
        }
      }
    }
  }

  /** A query or value Cassandra will reject however often it is sent. */
  public static boolean isRefusal(Throwable error) {
    return error instanceof QueryValidationException || error instanceof InvalidTypeException
        || error instanceof CodecNotFoundException || error instanceof IllegalArgumentException;
  }

  /** Seconds since this JVM last reached Cassandra while a statement was failing, or -1 when it answers. */
  public static long outageSeconds() {
    long since = OUTAGE_SINCE.get();
    return since == 0 ? -1 : (System.nanoTime() - since) / 1_000_000_000L;
  }

  static Throwable unwrap(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof ExecutionException || cause instanceof java.util.concurrent.CompletionException
        || cause instanceof com.google.common.util.concurrent.UncheckedExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  static String describe(Throwable error) {
    return error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  static void outage(Throwable cause) {
    if (OUTAGE_SINCE.compareAndSet(0, System.nanoTime())) {
      LOG.warn("Cassandra is unavailable ({}): holding the writes and retrying with backoff until it is back", describe(cause));
    }
  }

  static void recovered() {
    long since = OUTAGE_SINCE.getAndSet(0);
    if (since != 0) {
      LOG.warn("Cassandra is back after {} s: resuming", (System.nanoTime() - since) / 1_000_000_000L);
    }
  }
}
