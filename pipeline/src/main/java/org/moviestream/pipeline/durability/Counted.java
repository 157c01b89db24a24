package org.moviestream.pipeline.durability;

import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * An aggregate and the {@link LastOffsets} of the messages it counts: once the aggregate is
 * durable, those offsets are acknowledged for its window ({@link AggregateAcksFn}). The aggregate
 * itself knows nothing of offsets.
 */
@DefaultCoder(CountedCoder.class)
public record Counted<T>(T aggregate, LastOffsets lastOffsets) {

  /** {@code aggregate}, counting nothing yet. */
  public static <T> Counted<T> of(T aggregate) {
    return new Counted<>(aggregate, LastOffsets.none());
  }

  /**
   * This and {@code other} together, into this one's offsets: the aggregates by {@code merge}, the
   * offsets per partition.
   */
  public Counted<T> merge(Counted<T> other, BinaryOperator<T> merge) {
    return new Counted<>(
        merge.apply(aggregate, other.aggregate), lastOffsets.addAll(other.lastOffsets));
  }

  /** Another aggregate of the same messages. */
  public <U> Counted<U> map(Function<T, U> to) {
    return new Counted<>(to.apply(aggregate), lastOffsets);
  }
}
