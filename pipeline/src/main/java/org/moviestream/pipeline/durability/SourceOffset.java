package org.moviestream.pipeline.durability;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.contract.SourceKey;

/** Where a message came from: its Kafka topic, partition and offset. */
@DefaultCoder(SourceOffsetCoder.class)
public record SourceOffset(String topic, int partition, long offset) implements Serializable {

  public SourceKey key() {
    return new SourceKey(topic, partition, offset);
  }

  /** The row id of the rating read at this offset (see {@link SourceKey#rowId()}). */
  public UUID rowId() {
    return key().rowId();
  }

  /** "topic/partition": the key of this offset's partition. */
  public String partitionKey() {
    return PartitionKey.of(topic, partition);
  }

  /** Of two offsets of one partition, the later. */
  public static SourceOffset later(SourceOffset a, SourceOffset b) {
    return a.offset() >= b.offset() ? a : b;
  }

  /** The highest offset per topic partition of lists of offsets. */
  public static List<SourceOffset> lastPerPartition(
      Iterable<? extends Iterable<SourceOffset>> lists) {
    Map<String, SourceOffset> last = new HashMap<>();
    for (Iterable<SourceOffset> list : lists) {
      for (SourceOffset offset : list) {
        last.merge(offset.partitionKey(), offset, SourceOffset::later);
      }
    }
    return new ArrayList<>(last.values());
  }

  @Override
  public String toString() {
    return key().toString();
  }
}
