package org.moviestream.pipeline.transforms;

import java.io.Serializable;
import java.time.Instant;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.WithKeys;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.moviestream.pipeline.model.EnrichedRating;
import org.moviestream.pipeline.model.WindowStats;

/** Windowed ratings -> one {@link WindowStats} per person per window (updated by late firings). */
public final class AggregatePerWindow extends PTransform<PCollection<EnrichedRating>, PCollection<WindowStats>> {

  @Override
  public PCollection<WindowStats> expand(PCollection<EnrichedRating> ratings) {
    return ratings
        .apply("ByPerson", WithKeys.of((EnrichedRating r) -> r.rating().name()).withKeyType(TypeDescriptors.strings()))
        .apply("SumPerPerson", Combine.perKey(new SumsFn()))
        .apply("ToWindowStats", ParDo.of(new ToWindowStatsFn()));
  }

  /** Running sums of one person's ratings in one window. */
  @DefaultCoder(SerializableCoder.class)
  public static final class Sums implements Serializable {
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

  static final class SumsFn extends Combine.CombineFn<EnrichedRating, Sums, Sums> {
    @Override
    public Sums createAccumulator() {
      return new Sums();
    }

    @Override
    public Sums addInput(Sums sums, EnrichedRating input) {
      sums.add(input);
      return sums;
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
