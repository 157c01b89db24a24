package org.moviestream.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.SortedMap;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;
import org.moviestream.cassandra.Tables;

/** Rows' rating timestamps and write times: throughput over time and end-to-end latency. */
final class WriteTimes {

  private long[] timestamps = new long[1 << 16];
  private long[] writeMicros = new long[1 << 16];
  private int size;

  /** Every row's rating timestamp (ms) and Cassandra write time (µs), read with one paged scan. */
  static WriteTimes read(CqlSession session, String keyspace) {
    SimpleStatement scan =
        SimpleStatement.newInstance(
                "SELECT timestamp, WRITETIME(movie) FROM " + keyspace + "." + Tables.MOVIE_RATINGS)
            .setPageSize(5_000)
            .setTimeout(Duration.ofMinutes(2));
    WriteTimes times = new WriteTimes();
    for (Row row : session.execute(scan)) {
      times.add(row.getInstant(0).toEpochMilli(), row.getLong(1));
    }
    return times;
  }

  void add(long timestampMillis, long writeTimeMicros) {
    if (size == timestamps.length) {
      timestamps = Arrays.copyOf(timestamps, size * 2);
      writeMicros = Arrays.copyOf(writeMicros, size * 2);
    }
    timestamps[size] = timestampMillis;
    writeMicros[size] = writeTimeMicros;
    size++;
  }

  int size() {
    return size;
  }

  long firstWriteMillis() {
    return Arrays.stream(writeMicros, 0, size).min().orElse(0) / 1000;
  }

  long lastWriteMillis() {
    return Arrays.stream(writeMicros, 0, size).max().orElse(0) / 1000;
  }

  /** Latency of each row = write time - rating timestamp, in milliseconds. */
  Histogram latencyMillis() {
    return latencyMillis(Long.MIN_VALUE);
  }

  /** Latency of the rows rated at or after {@code fromMillis}: past a warm-up, for instance. */
  Histogram latencyMillis(long fromMillis) {
    Histogram histogram = new Histogram(3_600_000L, 3);
    for (int i = 0; i < size; i++) {
      if (timestamps[i] >= fromMillis) {
        histogram.recordValue(Math.max(0, writeMicros[i] / 1000 - timestamps[i]));
      }
    }
    return histogram;
  }

  /** Rows written in each second since {@code startMillis}. */
  SortedMap<Long, Long> rowsPerSecond(long startMillis) {
    SortedMap<Long, Long> perSecond = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      perSecond.merge((writeMicros[i] / 1000 - startMillis) / 1000, 1L, Long::sum);
    }
    return perSecond;
  }

  /** The 99th percentile latency of the rows written in each second since {@code startMillis}. */
  SortedMap<Long, Long> p99LatencyPerSecond(long startMillis) {
    SortedMap<Long, Histogram> perSecond = new TreeMap<>();
    for (int i = 0; i < size; i++) {
      long writeMillis = writeMicros[i] / 1000;
      perSecond
          .computeIfAbsent((writeMillis - startMillis) / 1000, s -> new Histogram(3_600_000L, 2))
          .recordValue(Math.max(0, writeMillis - timestamps[i]));
    }
    SortedMap<Long, Long> p99 = new TreeMap<>();
    perSecond.forEach((second, histogram) -> p99.put(second, histogram.getValueAtPercentile(99)));
    return p99;
  }

  /**
   * Ratings produced but not yet written, in seconds of input, at the end of the producing window
   * minus the same at its middle: positive and large means a growing backlog.
   */
  double backlogGrowthSeconds(long produceStartMillis, long produceEndMillis, double rate) {
    long middle = (produceStartMillis + produceEndMillis) / 2;
    return (backlogAt(produceEndMillis) - backlogAt(middle)) / rate;
  }

  private long backlogAt(long millis) {
    long produced = 0;
    long written = 0;
    for (int i = 0; i < size; i++) {
      if (timestamps[i] <= millis) {
        produced++;
      }
      if (writeMicros[i] / 1000 <= millis) {
        written++;
      }
    }
    return produced - written;
  }
}
