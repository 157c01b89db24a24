package org.moviestream.pipeline.transforms;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.moviestream.pipeline.model.EnrichedRating;
import org.moviestream.pipeline.model.WindowStats;

/**
 * Windowed ratings -> one {@link WindowStats} per person per window (updated by late firings).
 *
 * <p>Ratings are first summed per person and window inside each bundle, so the grouping keeps a few
 * partial sums per window instead of every rating: the SparkRunner's streaming state re-reads a
 * key's whole bag on each addition, which made the plain Combine.perKey quadratic in window size.
 */
public final class AggregatePerWindow extends PTransform<PCollection<EnrichedRating>, PCollection<WindowStats>> {

  @Override
  public PCollection<WindowStats> expand(PCollection<EnrichedRating> ratings) {
    return ratings
        .apply("SumPerBundle", ParDo.of(new SumPerBundleFn()))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), SumsCoder.INSTANCE))
        .apply("SumPerPerson", Combine.perKey(new MergeSumsFn()))
        .apply("ToWindowStats", ParDo.of(new ToWindowStatsFn()));
  }

  /** Running sums of one person's ratings in one window. */
  public static final class Sums {
    long ratings;
    long ratingTotal;
    long movies;
    long minutesTotal;

    void add(EnrichedRating enriched) {
      ratings++;
      ratingTotal += enriched.rating().ratingMovie();
      Integer minutes = enriched.title().durationMinutes();
      if (minutes != null) {
        movies++;
        minutesTotal += minutes;
      }
    }

    void merge(Sums other) {
      ratings += other.ratings;
      ratingTotal += other.ratingTotal;
      movies += other.movies;
      minutesTotal += other.minutesTotal;
    }
  }

  /** The four counters as variable-length longs. */
  static final class SumsCoder extends AtomicCoder<Sums> {
    static final SumsCoder INSTANCE = new SumsCoder();
    private static final VarLongCoder LONG = VarLongCoder.of();

    @Override
    public void encode(Sums sums, OutputStream out) throws IOException {
      LONG.encode(sums.ratings, out);
      LONG.encode(sums.ratingTotal, out);
      LONG.encode(sums.movies, out);
      LONG.encode(sums.minutesTotal, out);
    }

    @Override
    public Sums decode(InputStream in) throws IOException {
      Sums sums = new Sums();
      sums.ratings = LONG.decode(in);
      sums.ratingTotal = LONG.decode(in);
      sums.movies = LONG.decode(in);
      sums.minutesTotal = LONG.decode(in);
      return sums;
    }
  }

  /** Sums each (person, window) within a bundle; emits the partial sums when the bundle ends. */
  static final class SumPerBundleFn extends DoFn<EnrichedRating, KV<String, Sums>> {
    private transient Map<KV<String, BoundedWindow>, Sums> partials;

    @StartBundle
    public void startBundle() {
      partials = new HashMap<>();
    }

    @ProcessElement
    public void processElement(@Element EnrichedRating rating, BoundedWindow window) {
      partials.computeIfAbsent(KV.of(rating.rating().name(), window), key -> new Sums()).add(rating);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      partials.forEach((key, sums) ->
          context.output(KV.of(key.getKey(), sums), key.getValue().maxTimestamp(), key.getValue()));
      partials = null;
    }
  }

  static final class MergeSumsFn extends Combine.CombineFn<Sums, Sums, Sums> {
    @Override
    public Sums createAccumulator() {
      return new Sums();
    }

    @Override
    public Sums addInput(Sums accumulator, Sums input) {
      accumulator.merge(input);
      return accumulator;
    }

    @Override
    public Sums mergeAccumulators(Iterable<Sums> accumulators) {
      Sums merged = new Sums();
      accumulators.forEach(merged::merge);
      return merged;
    }

    @Override
    public Sums extractOutput(Sums sums) {
      return sums;
    }

    @Override
    public Coder<Sums> getAccumulatorCoder(CoderRegistry registry, Coder<Sums> inputCoder) {
      return SumsCoder.INSTANCE;
    }

    @Override
    public Coder<Sums> getDefaultOutputCoder(CoderRegistry registry, Coder<Sums> inputCoder) {
      return SumsCoder.INSTANCE;
    }
  }

  /** Attaches the window's bounds and turns the sums into averages. */
  static final class ToWindowStatsFn extends DoFn<KV<String, Sums>, WindowStats> {
    @ProcessElement
    public void processElement(@Element KV<String, Sums> perPerson, BoundedWindow window, OutputReceiver<WindowStats> out) {
      IntervalWindow interval = (IntervalWindow) window;
      Sums sums = perPerson.getValue();
      out.output(new WindowStats(
          perPerson.getKey(),
          Instant.ofEpochMilli(interval.start().getMillis()),
          Instant.ofEpochMilli(interval.end().getMillis()),
          sums.ratings,
          (double) sums.ratingTotal / sums.ratings,
          sums.movies == 0 ? null : (double) sums.minutesTotal / sums.movies));
    }
  }
}
