package org.moviestream.pipeline.windows;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.pipeline.durability.Counted;
import org.moviestream.pipeline.durability.LastOffsets;
import org.moviestream.pipeline.durability.LastOffsetsCoder;
import org.moviestream.pipeline.ingest.EnrichedRating;

/**
 * Written ratings -> one {@link WindowPane} per person, with the offsets it counts, per fixed
 * event-time window when the watermark passes the window's end, and another for each rating that
 * arrives late within the allowed lateness (later ones are dropped from the aggregate; their rows
 * are stored anyway).
 *
 * <p>A pane carries no sums: the window's figures are read back from the person's rows in Cassandra
 * when it is written, so a pane rebuilt after a restart from replayed ratings alone can never
 * overwrite a complete aggregate with a partial one.
 */
public final class WindowPerPerson
    extends PTransform<PCollection<EnrichedRating>, PCollection<Counted<WindowPane>>> {

  private final RatingWindows windows;

  private WindowPerPerson(RatingWindows windows) {
    this.windows = windows;
  }

  public static WindowPerPerson of(RatingWindows windows) {
    return new WindowPerPerson(windows);
  }

  @Override
  public PCollection<Counted<WindowPane>> expand(PCollection<EnrichedRating> ratings) {
    return ratings
        .apply("FixedWindows", windows.<EnrichedRating>into().discardingFiredPanes())
        .apply("LastOffsetsPerBundle", ParDo.of(new LastOffsetsPerBundleFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), LastOffsetsCoder.of()))
        .apply("LastOffsetsPerPerson", Combine.perKey(LastOffsets::merged))
        .apply("ToPane", ParDo.of(new ToPaneFn()));
  }

  /**
   * Keeps, per (person, window), the highest offset per partition within a bundle; emits them when
   * the bundle ends. The grouping then holds a few offsets per window instead of every rating: the
   * SparkRunner's streaming state re-reads a key's whole bag on each addition.
   */
  static final class LastOffsetsPerBundleFn extends DoFn<EnrichedRating, KV<String, LastOffsets>> {
    private transient Map<KV<String, BoundedWindow>, LastOffsets> partials;

    @StartBundle
    public void startBundle() {
      partials = new HashMap<>();
    }

    @ProcessElement
    public void processElement(@Element EnrichedRating rating, BoundedWindow window) {
      partials
          .computeIfAbsent(KV.of(rating.rating().name(), window), key -> LastOffsets.none())
          .add(rating.source());
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      partials.forEach(
          (key, offsets) ->
              context.output(
                  KV.of(key.getKey(), offsets), key.getValue().maxTimestamp(), key.getValue()));
      partials = null;
    }
  }

  /** Attaches the window's bounds. */
  static final class ToPaneFn extends DoFn<KV<String, LastOffsets>, Counted<WindowPane>> {
    @ProcessElement
    public void processElement(
        @Element KV<String, LastOffsets> perPerson,
        BoundedWindow window,
        OutputReceiver<Counted<WindowPane>> out) {
      IntervalWindow interval = (IntervalWindow) window;
      out.output(
          new Counted<>(
              new WindowPane(
                  perPerson.getKey(),
                  Instant.ofEpochMilli(interval.start().getMillis()),
                  Instant.ofEpochMilli(interval.end().getMillis())),
              perPerson.getValue()));
    }
  }
}
