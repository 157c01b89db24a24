package org.moviestream.pipeline.windows;

import java.io.Serializable;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Top;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.pipeline.durability.Counted;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.windows.TrendingWindow.TitleCount;

/**
 * Written ratings -> per fixed event-time window, when the watermark passes its end, the {@link
 * TrendingWindow}, with the offsets it counts: the {@code top} most rated titles of everyone's
 * ratings, ties broken by title; again, counting them too, for each rating that arrives late within
 * the allowed lateness.
 *
 * <p>The count per title and the ranking ({@link Top}'s combine function) happen in one grouping,
 * whose panes accumulate: each pane ranks the whole window so far. With the ranking as a second
 * grouping after {@code Count.perElement()}, a late pane would reach it with only the titles that
 * changed, or, accumulating, with each title once per pane.
 */
public final class TrendingTitles
    extends PTransform<PCollection<EnrichedRating>, PCollection<Counted<TrendingWindow>>> {

  private final RatingWindows windows;
  private final int top;

  private TrendingTitles(RatingWindows windows, int top) {
    this.windows = windows;
    this.top = top;
  }

  public static TrendingTitles of(RatingWindows windows, int top) {
    if (top < 1) {
      throw new IllegalArgumentException("the trending ranking needs at least 1 title, not " + top);
    }
    return new TrendingTitles(windows, top);
  }

  @Override
  public PCollection<Counted<TrendingWindow>> expand(PCollection<EnrichedRating> ratings) {
    return ratings
        .apply("FixedWindows", windows.<EnrichedRating>into().accumulatingFiredPanes())
        .apply("CountPerBundle", ParDo.of(new CountPerBundleFn()))
        .apply("CountPerTitle", Combine.globally(new CountPerTitleFn()).withoutDefaults())
        .apply("RankTitles", ParDo.of(new RankTitlesFn(top)));
  }

  /** More ratings first; between equals, the title first in alphabetical order. */
  static final class ByRatingsThenTitle implements Comparator<KV<String, Long>>, Serializable {
    @Override
    public int compare(KV<String, Long> a, KV<String, Long> b) {
      int byRatings = Long.compare(a.getValue(), b.getValue());
      return byRatings != 0 ? byRatings : b.getKey().compareTo(a.getKey());
    }
  }

  /**
   * Counts a bundle's ratings per window, emitted when the bundle ends: the grouping then holds one
   * tally per bundle instead of every rating (the SparkRunner's streaming state re-reads a key's
   * whole bag on each addition).
   */
  static final class CountPerBundleFn extends DoFn<EnrichedRating, Counted<WindowTally>> {
    private transient Map<BoundedWindow, Counted<WindowTally>> partials;

    @StartBundle
    public void startBundle() {
      partials = new HashMap<>();
    }

    @ProcessElement
    public void processElement(@Element EnrichedRating rating, BoundedWindow window) {
      Counted<WindowTally> tally =
          partials.computeIfAbsent(window, key -> Counted.of(new WindowTally()));
      tally.aggregate().add(rating.catalog().title());
      tally.lastOffsets().add(rating.source());
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      partials.forEach((window, tally) -> context.output(tally, window.maxTimestamp(), window));
      partials = null;
    }
  }

  /** Partial tallies -> the window's tally. */
  static final class CountPerTitleFn
      extends Combine.CombineFn<Counted<WindowTally>, Counted<WindowTally>, Counted<WindowTally>> {
    @Override
    public Counted<WindowTally> createAccumulator() {
      return Counted.of(new WindowTally());
    }

    @Override
    public Counted<WindowTally> addInput(
        Counted<WindowTally> accumulator, Counted<WindowTally> input) {
      return accumulator.merge(input, WindowTally::merge);
    }

    @Override
    public Counted<WindowTally> mergeAccumulators(Iterable<Counted<WindowTally>> accumulators) {
      Counted<WindowTally> merged = createAccumulator();
      for (Counted<WindowTally> accumulator : accumulators) {
        merged = merged.merge(accumulator, WindowTally::merge);
      }
      return merged;
    }

    @Override
    public Counted<WindowTally> extractOutput(Counted<WindowTally> accumulator) {
      return accumulator;
    }
  }

  /** The window's tally -> its top titles, with the window's bounds. */
  static final class RankTitlesFn extends DoFn<Counted<WindowTally>, Counted<TrendingWindow>> {
    private final Top.TopCombineFn<KV<String, Long>, ByRatingsThenTitle> topTitles;

    RankTitlesFn(int top) {
      this.topTitles = new Top.TopCombineFn<>(top, new ByRatingsThenTitle());
    }

    @ProcessElement
    public void processElement(
        @Element Counted<WindowTally> counted,
        BoundedWindow window,
        OutputReceiver<Counted<TrendingWindow>> out) {
      WindowTally tally = counted.aggregate();
      List<TitleCount> titles =
          topTitles
              .apply(
                  tally.perTitle().entrySet().stream()
                      .map(e -> KV.of(e.getKey(), e.getValue()))
                      .toList())
              .stream()
              .map(kv -> new TitleCount(kv.getKey(), kv.getValue()))
              .toList();
      IntervalWindow interval = (IntervalWindow) window;
      out.output(
          counted.map(
              counts ->
                  new TrendingWindow(
                      Instant.ofEpochMilli(interval.start().getMillis()),
                      Instant.ofEpochMilli(interval.end().getMillis()),
                      titles,
                      counts.ratings())));
    }
  }
}
