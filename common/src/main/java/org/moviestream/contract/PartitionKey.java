package org.moviestream.contract;

import org.apache.kafka.common.TopicPartition;

/**
 * "topic/partition": how the pipeline keys per-partition state and offsets (a string key, so that
 * it needs no coder of its own and sorts by topic, then partition); a {@link SourceKey} adds
 * "/offset".
 */
public final class PartitionKey {

  private PartitionKey() {}

  public static String of(String topic, int partition) {
    return topic + "/" + partition;
  }

  public static TopicPartition topicPartition(String key) {
    int slash = key.lastIndexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("'" + key + "' is not a topic/partition key");
    }
    return new TopicPartition(key.substring(0, slash), Integer.parseInt(key.substring(slash + 1)));
  }
}
