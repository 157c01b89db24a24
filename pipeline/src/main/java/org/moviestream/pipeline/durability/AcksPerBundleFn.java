package org.moviestream.pipeline.durability;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.moviestream.contract.SourceKey;

/**
 * Collects a bundle's acknowledgements into one delta per partition, emitted when the bundle ends.
 */
public abstract class AcksPerBundleFn<T> extends DoFn<T, KV<String, PartitionProgress>> {
  private transient Map<String, PartitionProgress> deltas;

  /** Adds what {@code element} acknowledges to the bundle's {@code deltas}. */
  protected abstract void acknowledge(T element, Map<String, PartitionProgress> deltas);

  /** The bundle's delta of {@code source}'s partition. */
  protected static PartitionProgress delta(
      Map<String, PartitionProgress> deltas, SourceKey source) {
    return deltas.computeIfAbsent(source.partitionKey(), key -> PartitionProgress.delta());
  }

  @StartBundle
  public void startBundle() {
    deltas = new HashMap<>();
  }

  @ProcessElement
  public void processElement(@Element T element) {
    acknowledge(element, deltas);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    deltas.forEach(
        (partition, delta) ->
            context.output(
                KV.of(partition, delta),
                GlobalWindow.INSTANCE.maxTimestamp(),
                GlobalWindow.INSTANCE));
    deltas = null;
  }
}
