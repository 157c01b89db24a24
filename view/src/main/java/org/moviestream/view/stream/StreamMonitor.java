package org.moviestream.view.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples, every few seconds, the ratings topic's log-end offsets (ratings produced) and the
 * pipeline's committed offsets (ratings durably in Cassandra: the pipeline commits an offset only
 * then), and keeps the last minutes of samples for the throughput chart and the lag table.
 */
public final class StreamMonitor implements AutoCloseable {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private final String bootstrapServers;
  private final String topic;
  private final String consumerGroup;
  private final Duration history;
  private final Clock clock;
  private final Admin admin;
  private final Deque<OffsetSample> samples = new ArrayDeque<>();
  private volatile String error = "not sampled yet";

  public StreamMonitor(
      String bootstrapServers, String topic, String consumerGroup, Duration history, Clock clock) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
    this.consumerGroup = consumerGroup;
    this.history = history;
    this.clock = clock;
    this.admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis()));
  }

  /** One partition now: produced up to logEnd, committed up to committed, lag between them. */
  public record PartitionLag(int partition, long logEnd, long committed, long lag) {}

  /**
   * Ratings per second between two samples: produced (into Kafka) and written (committed by the
   * pipeline).
   */
  public record Rate(Instant time, double producedPerSecond, double writtenPerSecond) {}

  /**
   * What the page shows: the rates over the history, the latest lag per partition, and whether
   * Kafka answered.
   */
  public record Throughput(
      List<Rate> rates,
      List<PartitionLag> partitions,
      long totalLag,
      double writtenPerSecondLastMinute,
      boolean kafkaUp,
      String error) {}

  /** Takes one sample; a failure is remembered as the error the page shows, not thrown. */
  public void sample() {
    try {
      record(read());
      error = null;
    } catch (Exception e) {
      error = "Kafka at " + bootstrapServers + " does not answer: " + rootMessage(e);
    }
  }

  /** Keeps {@code sample}, and forgets those older than the history. */
  void record(OffsetSample sample) {
    synchronized (samples) {
      samples.addLast(sample);
      while (samples.size() > 2
          && samples.peekFirst().time().isBefore(sample.time().minus(history))) {
        samples.removeFirst();
      }
    }
  }

  public boolean isUp() {
    return error == null;
  }

  public String error() {
    return error;
  }

  public Throughput throughput() {
    List<OffsetSample> copy;
    synchronized (samples) {
      copy = new ArrayList<>(samples);
    }
    List<Rate> rates = new ArrayList<>();
    for (int i = 1; i < copy.size(); i++) {
      OffsetSample before = copy.get(i - 1);
      OffsetSample after = copy.get(i);
      double seconds = Duration.between(before.time(), after.time()).toMillis() / 1000.0;
      if (seconds > 0) {
        rates.add(
            new Rate(
                after.time(),
                (after.totalLogEnd() - before.totalLogEnd()) / seconds,
                Math.max(0, after.totalCommitted() - before.totalCommitted()) / seconds));
      }
    }
    List<PartitionLag> partitions = new ArrayList<>();
    long totalLag = 0;
    double lastMinute = 0;
    if (!copy.isEmpty()) {
      OffsetSample last = copy.get(copy.size() - 1);
      for (var end : last.logEnd().entrySet()) {
        long committed = last.committed().getOrDefault(end.getKey(), 0L);
        long lag = Math.max(0, end.getValue() - committed);
        partitions.add(new PartitionLag(end.getKey(), end.getValue(), committed, lag));
        totalLag += lag;
      }
      lastMinute = writtenPerSecondSince(copy, last.time().minusSeconds(60));
    }
    return new Throughput(rates, partitions, totalLag, lastMinute, isUp(), error);
  }

  /**
   * The commits are made in steps as windows close: the rate over a minute is the honest headline.
   */
  private static double writtenPerSecondSince(List<OffsetSample> samples, Instant since) {
    OffsetSample last = samples.get(samples.size() - 1);
    OffsetSample first =
        samples.stream().filter(s -> !s.time().isBefore(since)).findFirst().orElse(last);
    double seconds = Duration.between(first.time(), last.time()).toMillis() / 1000.0;
    return seconds <= 0 ? 0 : (last.totalCommitted() - first.totalCommitted()) / seconds;
  }

  private OffsetSample read() throws Exception {
    Instant now = clock.instant();
    TopicDescription description =
        admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .get(topic);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    description
        .partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<Integer, Long> logEnd = new HashMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .forEach((partition, info) -> logEnd.put(partition.partition(), info.offset()));
    Map<Integer, Long> committed = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(consumerGroup)
            .partitionsToOffsetAndMetadata()
            .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    offsets.forEach(
        (partition, offset) -> {
          if (partition.topic().equals(topic) && offset != null) {
            committed.put(partition.partition(), offset.offset());
          }
        });
    return new OffsetSample(now, logEnd, committed);
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
