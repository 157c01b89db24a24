package org.moviestream.pipeline.durability;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.moviestream.contract.PartitionKey;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.pipeline.shared.KafkaAdmin;

/**
 * Where a partition starts now, asked of Kafka at most once per {@link #EVERY} per partition per
 * JVM (a gap usually closes by itself within a bundle); -1 between asks and when Kafka does not
 * answer.
 */
public final class KafkaLogStart implements TrackSettledOffsets.LogStart {

  private static final long serialVersionUID = 1L;
  static final Duration EVERY = Duration.ofSeconds(10);
  private static final Map<String, Long> ASKED = new ConcurrentHashMap<>();

  private final KafkaSettings kafka;

  public KafkaLogStart(KafkaSettings kafka) {
    this.kafka = kafka;
  }

  @Override
  public long earliest(String partition) {
    long now = System.nanoTime();
    Long last = ASKED.get(partition);
    if (last != null && now - last < EVERY.toNanos()) {
      return -1;
    }
    ASKED.put(partition, now);
    TopicPartition topicPartition = PartitionKey.topicPartition(partition);
    try {
      return KafkaAdmin.of(kafka, Duration.ofSeconds(10))
          .listOffsets(Map.of(topicPartition, OffsetSpec.earliest()))
          .partitionResult(topicPartition)
          .get(10, TimeUnit.SECONDS)
          .offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    } catch (Exception e) {
      return -1; // Kafka away: the next look asks again
    }
  }
}
