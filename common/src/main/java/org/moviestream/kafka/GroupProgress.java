package org.moviestream.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's progress on a topic, per partition: the log end, the group's committed offset
 * and the lag between them. The one computation of lag: the pipeline, the view and the tests use
 * it.
 */
public record GroupProgress(SortedMap<Integer, Partition> partitions) {

  /** One partition: produced up to {@code logEnd}, committed up to {@code committed}. */
  public record Partition(int partition, long logEnd, long committed, long lag) {}

  /**
   * Messages beyond {@code offset} in a partition whose log ends at {@code logEnd}; a partition the
   * group never committed counts from 0.
   */
  public static long lag(long logEnd, Long offset) {
    return Math.max(0, logEnd - (offset == null ? 0 : offset));
  }

  /** From each partition's log end and the group's committed offsets (absent: never committed). */
  public static GroupProgress of(Map<Integer, Long> logEnds, Map<Integer, Long> committed) {
    SortedMap<Integer, Partition> partitions = new TreeMap<>();
    logEnds.forEach(
        (partition, end) -> {
          Long offset = committed.get(partition);
          partitions.put(
              partition,
              new Partition(partition, end, offset == null ? 0 : offset, lag(end, offset)));
        });
    return new GroupProgress(partitions);
  }

  /** Reads {@code group}'s progress on {@code topic} through {@code admin}. */
  public static GroupProgress read(Admin admin, String group, String topic, Duration timeout)
      throws Exception {
    Map<Integer, Long> committed = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    offsets.forEach(
        (partition, offset) -> {
          if (partition.topic().equals(topic) && offset != null) {
            committed.put(partition.partition(), offset.offset());
          }
        });
    return of(logEnds(admin, topic, timeout), committed);
  }

  /** Each partition of {@code topic} (as the topic has them now) -> its log end offset. */
  public static Map<Integer, Long> logEnds(Admin admin, String topic, Duration timeout)
      throws Exception {
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .get(topic)
        .partitions()
        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    Map<Integer, Long> ends = new TreeMap<>();
    admin
        .listOffsets(latest)
        .all()
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
        .forEach((partition, info) -> ends.put(partition.partition(), info.offset()));
    return ends;
  }

  public long totalLag() {
    return partitions.values().stream().mapToLong(Partition::lag).sum();
  }

  public long totalLogEnd() {
    return partitions.values().stream().mapToLong(Partition::logEnd).sum();
  }

  public long totalCommitted() {
    return partitions.values().stream().mapToLong(Partition::committed).sum();
  }
}
