package org.moviestream.pipeline.model;

import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.pipeline.coders.ModelCoders;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Where a message came from: its Kafka topic, partition and offset. */
@DefaultCoder(ModelCoders.SourceOffsetCoder.class)
public record SourceOffset(String topic, int partition, long offset) implements Serializable {

  /**
   * The row id of the rating read at this offset: a name-based UUID, the same on every replay, so a
   * replayed rating overwrites its row instead of adding one.
   */
  public UUID rowId() {
    return UUID.nameUUIDFromBytes(toString().getBytes(StandardCharsets.UTF_8));
  }

  /** "topic/partition": the key of this offset's partition. */
  public String partitionKey() {
    return topic + "/" + partition;
  }

  @Override
  public String toString() {
    return topic + "/" + partition + "/" + offset;
  }
}
