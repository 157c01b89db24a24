package org.moviestream.pipeline.io;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.moviestream.pipeline.model.PartitionKey;

/**
 * The consumer group's committed offsets: where a run resumes, and where the pipeline records
 * what has become durable. One admin client per broker list per JVM.
 */
public final class ConsumerGroupOffsets {

  private static final Map<String, Admin> ADMINS = new ConcurrentHashMap<>();

  private final String bootstrapServers;
  private final String group;
  private final Duration timeout;

  public ConsumerGroupOffsets(String bootstrapServers, String group, Duration timeout) {
    this.bootstrapServers = bootstrapServers;
    this.group = group;
    this.timeout = timeout;
  }

  /**
   * The offset each partition of {@code topic} resumes at: the group's committed offset, or, for a
   * partition without one, the earliest or latest offset ({@code startingOffsets}), which is then
   * committed so that the reader and the offset tracking start from the same place.
   *
   * @return "topic/partition" -> offset
   */
  public Map<String, Long> resumePoint(String topic, String startingOffsets) throws Exception {
    Admin admin = admin();
    List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(timeoutMillis(), TimeUnit.MILLISECONDS)
        .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    Map<TopicPartition, OffsetAndMetadata> committed = committed(admin);
    Map<TopicPartition, ListOffsetsResultInfo> earliest = offsets(admin, partitions, OffsetSpec.earliest());
    Map<TopicPartition, ListOffsetsResultInfo> start = "earliest".equals(startingOffsets)
        ? earliest : offsets(admin, partitions, OffsetSpec.latest());
    Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
    Map<String, Long> resume = new TreeMap<>();
    for (TopicPartition partition : partitions) {
      OffsetAndMetadata offset = committed.get(partition);
      long at = offset != null ? Math.max(offset.offset(), earliest.get(partition).offset()) : start.get(partition).offset();
      if (offset == null || offset.offset() != at) {
        toCommit.put(partition, new OffsetAndMetadata(at));
      }
      resume.put(PartitionKey.of(topic, partition.partition()), at);
    }
    if (!toCommit.isEmpty()) {
      admin.alterConsumerGroupOffsets(group, toCommit).all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
    }
    return resume;
  }

  /** How many messages of {@code topic} lie beyond {@code offsets} ("topic/partition" -> offset). */
  public long lag(String topic, Map<String, Long> offsets) throws Exception {
    return lagPerPartition(offsets).values().stream().mapToLong(Long::longValue).sum();
  }

  /** Per partition, how many messages lie beyond {@code offsets} ("topic/partition" -> offset). */
  public Map<String, Long> lagPerPartition(Map<String, Long> offsets) throws Exception {
    Map<TopicPartition, Long> at = offsets.entrySet().stream().collect(Collectors.toMap(e -> PartitionKey.topicPartition(e.getKey()), Map.Entry::getValue));
    Map<TopicPartition, ListOffsetsResultInfo> ends = offsets(admin(), List.copyOf(at.keySet()), OffsetSpec.latest());
    Map<String, Long> lag = new TreeMap<>();
    at.forEach((partition, offset) -> lag.put(PartitionKey.of(partition.topic(), partition.partition()),
        Math.max(0, ends.get(partition).offset() - offset)));
    return lag;
  }

  /** The group's committed offsets of {@code topic}, "topic/partition" -> offset. */
  public Map<String, Long> committed(String topic) throws Exception {
    Map<String, Long> committed = new TreeMap<>();
    committed(admin()).forEach((partition, offset) -> {
      if (partition.topic().equals(topic) && offset != null) {
        committed.put(PartitionKey.of(topic, partition.partition()), offset.offset());
      }
    });
    return committed;
  }

  /** Commits {@code offsets} ("topic/partition" -> next offset to read) for the group. */
  public void commit(Map<String, Long> offsets) throws InterruptedException, ExecutionException, TimeoutException {
    Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
    offsets.forEach((key, offset) -> commits.put(PartitionKey.topicPartition(key), new OffsetAndMetadata(offset)));
    admin().alterConsumerGroupOffsets(group, commits).all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
  }

  private Map<TopicPartition, OffsetAndMetadata> committed(Admin admin) throws Exception {
    return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(timeoutMillis(), TimeUnit.MILLISECONDS);
  }

  private Map<TopicPartition, ListOffsetsResultInfo> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
    Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    partitions.forEach(partition -> request.put(partition, spec));
    return admin.listOffsets(request).all().get(timeoutMillis(), TimeUnit.MILLISECONDS);
  }

  private long timeoutMillis() {
    return timeout.toMillis();
  }

  private Admin admin() {
    return ADMINS.computeIfAbsent(bootstrapServers, servers -> Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(timeout.toMillis(), 10_000))));
  }
}
