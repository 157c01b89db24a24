package org.moviestream.contract;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a message was read: its Kafka topic, partition and offset, "topic/partition/offset". It
 * keys the message's dead letter and names its row: the row id is a name-based UUID of it, the same
 * on every replay, so a replayed rating overwrites its row instead of adding one.
 */
public record SourceKey(String topic, int partition, long offset) implements Serializable {

  /** The {@code id} column of the rating read here. */
  public UUID rowId() {
    return UUID.nameUUIDFromBytes(toString().getBytes(StandardCharsets.UTF_8));
  }

  /** "topic/partition": the key of this offset's partition. */
  public String partitionKey() {
    return PartitionKey.of(topic, partition);
  }

  /** Of two offsets of one partition, the later. */
  public static SourceKey later(SourceKey a, SourceKey b) {
    return a.offset() >= b.offset() ? a : b;
  }

  @Override
  public String toString() {
    return partitionKey() + "/" + offset;
  }
}
