package org.moviestream.pipeline.durability;

import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.moviestream.contract.SourceKey;

/**
 * Collects a bundle's acknowledgements into one {@link Acks} per partition, emitted when the bundle
 * ends.
 */
public abstract class AcksPerBundleFn<T> extends DoFn<T, KV<String, Acks>> {
  private transient Map<String, Acks> acks;

  /** Adds what {@code element} acknowledges to the bundle's {@code acks}. */
  protected abstract void acknowledge(T element, Map<String, Acks> acks);

  /** The bundle's acks of {@code source}'s partition. */
  protected static Acks acksOf(Map<String, Acks> acks, SourceKey source) {
    return acks.computeIfAbsent(source.partitionKey(), key -> Acks.none());
  }

  @StartBundle
  public void startBundle() {
    acks = new HashMap<>();
  }

  @ProcessElement
  public void processElement(@Element T element) {
    acknowledge(element, acks);
  }

  @FinishBundle
  public void finishBundle(FinishBundleContext context) {
    acks.forEach(
        (partition, partitionAcks) ->
            context.output(
                KV.of(partition, partitionAcks),
                GlobalWindow.INSTANCE.maxTimestamp(),
                GlobalWindow.INSTANCE));
    acks = null;
  }
}
