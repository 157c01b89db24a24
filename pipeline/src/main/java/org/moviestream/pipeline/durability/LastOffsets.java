package org.moviestream.pipeline.durability;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.contract.SourceKey;

/** The highest offset per Kafka partition among the messages an aggregate counts. */
@DefaultCoder(LastOffsetsCoder.class)
public final class LastOffsets {

  private final Map<String, SourceKey> perPartition = new HashMap<>();

  /** No message counted yet. */
  public static LastOffsets none() {
    return new LastOffsets();
  }

  /** The highest of {@code offsets} per partition. */
  public static LastOffsets of(Collection<SourceKey> offsets) {
    LastOffsets last = new LastOffsets();
    offsets.forEach(last::add);
    return last;
  }

  /** The highest per partition of all of {@code lasts}: a combine function. */
  public static LastOffsets merged(Iterable<LastOffsets> lasts) {
    LastOffsets merged = new LastOffsets();
    lasts.forEach(merged::addAll);
    return merged;
  }

  /** Counts the message read at {@code source}. */
  public LastOffsets add(SourceKey source) {
    perPartition.merge(source.partitionKey(), source, SourceKey::later);
    return this;
  }

  /** Counts what {@code other} counts. */
  public LastOffsets addAll(LastOffsets other) {
    other.perPartition.values().forEach(this::add);
    return this;
  }

  /** One offset per partition. */
  public List<SourceKey> perPartition() {
    return List.copyOf(perPartition.values());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof LastOffsets that && perPartition.equals(that.perPartition);
  }

  @Override
  public int hashCode() {
    return perPartition.hashCode();
  }

  @Override
  public String toString() {
    return perPartition.values().toString();
  }
}
