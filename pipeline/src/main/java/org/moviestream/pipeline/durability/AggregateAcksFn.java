package org.moviestream.pipeline.durability;

import java.util.Map;
import org.moviestream.contract.SourceKey;

/**
 * A durable window aggregate -> the acknowledgement that its owner's window counts every offset up
 * to its last offsets.
 */
public final class AggregateAcksFn<T extends WindowAggregate> extends AcksPerBundleFn<Counted<T>> {

  @Override
  protected void acknowledge(Counted<T> durable, Map<String, Acks> acks) {
    WindowAggregate aggregate = durable.aggregate();
    for (SourceKey last : durable.lastOffsets().perPartition()) {
      acksOf(acks, last).windowed(aggregate.owner(), aggregate.windowEndMillis(), last.offset());
    }
  }
}
