package org.moviestream.pipeline.ingest;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open readers handed from one micro-batch's read to the next in the same JVM, and taken back only
 * at the exact positions they stopped at: a reader that would resume anywhere else is closed.
 *
 * <p>Why: the SparkRunner caches a reader per executor JVM and, on a cache hit, carries on from
 * that reader's own position, ignoring the checkpoint mark in Spark's state. When the read task
 * runs on another executor in between, the cached reader is stale and reads again (or skips) what
 * the other executor read. Parking instead of caching keeps the open Kafka consumer for the common
 * case (the same executor reads the next batch) and makes every other case a fresh reader at the
 * state's positions. A parked reader nobody takes within {@code keep} is closed.
 */
final class ParkedReaders<R extends AutoCloseable> {

  private static final Logger LOG = LoggerFactory.getLogger(ParkedReaders.class);

  private record Parked<R extends AutoCloseable>(Map<Integer, Long> positions, R reader) {}

  private final Map<String, Parked<R>> slots = new ConcurrentHashMap<>();
  private final Duration keep;

  ParkedReaders(Duration keep) {
    this.keep = keep;
  }

  /** Leaves {@code reader}, standing at {@code positions}, for the next read of {@code source}. */
  void park(String source, Map<Integer, Long> positions, R reader) {
    Parked<R> parked = new Parked<>(Map.copyOf(positions), reader);
    close(slots.put(source, parked));
    CompletableFuture.delayedExecutor(keep.toMillis(), TimeUnit.MILLISECONDS)
        .execute(
            () -> {
              if (slots.remove(source, parked)) {
                close(parked);
              }
            });
  }

  /** The reader parked for {@code source} if it stands exactly at {@code positions}. */
  Optional<R> take(String source, Map<Integer, Long> positions) {
    Parked<R> parked = slots.remove(source);
    if (parked == null) {
      return Optional.empty();
    }
    if (parked.positions().equals(positions)) {
      return Optional.of(parked.reader());
    }
    LOG.info(
        "the reader parked for {} stands at {}, this batch starts at {}: opening a new one",
        source,
        parked.positions(),
        positions);
    close(parked);
    return Optional.empty();
  }

  private static void close(Parked<?> parked) {
    if (parked == null) {
      return;
    }
    try {
      parked.reader().close();
    } catch (Exception e) {
      LOG.debug("closing a parked reader: {}", e.getMessage());
    }
  }
}
