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
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.moviestream.cli.Causes;
import org.moviestream.kafka.GroupProgress;
import org.moviestream.kafka.KafkaSettings;

/**
 * Samples, every few seconds, the ratings topic's log-end offsets (ratings produced) and the
 * pipeline's committed offsets (ratings durably in Cassandra: the pipeline commits an offset only
 * then), and keeps the last minutes of samples for the throughput chart and the lag table.
 */
public final class StreamMonitor implements AutoCloseable {

  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  private final KafkaSettings kafka;
  private final String topic;
  private final String consumerGroup;
  private final Duration history;
  private final Clock clock;
  private final Admin admin;
  private final List<String> watchedTopics;
  private final Deque<OffsetSample> samples = new ArrayDeque<>();
  private volatile String error = "not sampled yet";
  private volatile KafkaNodes nodes = KafkaNodes.unknown("not sampled yet");

  public StreamMonitor(
      KafkaSettings kafka,
      String topic,
      String deadLetterTopic,
      String consumerGroup,
      Duration history,
      Clock clock) {
    this.kafka = kafka;
    this.topic = topic;
    this.watchedTopics = List.of(topic, deadLetterTopic);
    this.consumerGroup = consumerGroup;
    this.history = history;
    this.clock = clock;
    this.admin =
        Admin.create(
            kafka.admin(
                Map.of(
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis()),
                Map.of()));
  }

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
      List<GroupProgress.Partition> partitions,
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
      error = "Kafka at " + kafka.bootstrapServers() + " does not answer: " + Causes.rootMessage(e);
    }
    try {
      nodes = readNodes();
    } catch (Exception e) {
      nodes = KafkaNodes.unknown(Causes.rootMessage(e));
    }
  }

  /** The Kafka nodes at the last sample. */
  public KafkaNodes nodes() {
    return nodes;
  }

  /**
   * Every voter of the controller quorum (a node that is down is still one), up if it is among the
   * brokers the cluster lists now; the watched topics' partitions short of replicas or leaderless.
   */
  private KafkaNodes readNodes() throws Exception {
    Map<Integer, String> live = new TreeMap<>();
    for (Node broker :
        admin.describeCluster().nodes().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      live.put(broker.id(), broker.host() + ":" + broker.port());
    }
    Set<Integer> ids = new TreeSet<>(live.keySet());
    admin
        .describeMetadataQuorum()
        .quorumInfo()
        .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
        .voters()
        .forEach(voter -> ids.add(voter.replicaId()));
    List<KafkaNodes.Node> nodes = new ArrayList<>();
    ids.forEach(
        id -> nodes.add(new KafkaNodes.Node(id, live.getOrDefault(id, ""), live.containsKey(id))));
    int underReplicated = 0;
    int offline = 0;
    for (TopicDescription description :
        admin
            .describeTopics(watchedTopics)
            .allTopicNames()
            .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
            .values()) {
      for (TopicPartitionInfo partition : description.partitions()) {
        underReplicated += partition.isr().size() < partition.replicas().size() ? 1 : 0;
        offline += partition.leader() == null || partition.leader().isEmpty() ? 1 : 0;
      }
    }
    return new KafkaNodes(nodes, underReplicated, offline, null);
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

  /** Each partition's log end, committed offset and lag at the latest sample (none before one). */
  public List<GroupProgress.Partition> latestPartitions() {
    OffsetSample last;
    synchronized (samples) {
      last = samples.peekLast();
    }
    return last == null
        ? List.of()
        : List.copyOf(GroupProgress.of(last.logEnd(), last.committed()).partitions().values());
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
    List<GroupProgress.Partition> partitions = new ArrayList<>();
    long totalLag = 0;
    double lastMinute = 0;
    if (!copy.isEmpty()) {
      OffsetSample last = copy.get(copy.size() - 1);
      GroupProgress progress = GroupProgress.of(last.logEnd(), last.committed());
      partitions.addAll(progress.partitions().values());
      totalLag = progress.totalLag();
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
    GroupProgress progress = GroupProgress.read(admin, consumerGroup, topic, CALL_TIMEOUT);
    Map<Integer, Long> logEnd = new HashMap<>();
    Map<Integer, Long> committed = new HashMap<>();
    progress
        .partitions()
        .forEach(
            (partition, at) -> {
              logEnd.put(partition, at.logEnd());
              committed.put(partition, at.committed());
            });
    return new OffsetSample(now, logEnd, committed);
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(2));
  }
}
