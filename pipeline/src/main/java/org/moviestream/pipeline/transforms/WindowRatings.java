package org.moviestream.pipeline.transforms;

import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.windowing.AfterPane;
import org.apache.beam.sdk.transforms.windowing.AfterWatermark;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.joda.time.Duration;
import org.moviestream.pipeline.model.EnrichedRating;

/**
 * Ratings -> the same ratings in fixed event-time windows. A window's aggregate fires when the
 * watermark passes its end, and again (accumulating) for each late rating within the allowed
 * lateness. Lateness only matters where ratings are grouped: each rating is stored on its own anyway.
 */
public final class WindowRatings extends PTransform<PCollection<EnrichedRating>, PCollection<EnrichedRating>> {

  private final Duration size;
  private final Duration allowedLateness;

  private WindowRatings(Duration size, Duration allowedLateness) {
    this.size = size;
    this.allowedLateness = allowedLateness;
  }

  public static WindowRatings of(int windowSeconds, int allowedLatenessSeconds) {
    return new WindowRatings(Duration.standardSeconds(windowSeconds), Duration.standardSeconds(allowedLatenessSeconds));
  }

  @Override
  public PCollection<EnrichedRating> expand(PCollection<EnrichedRating> ratings) {
    return ratings.apply("FixedWindows",
        Window.<EnrichedRating>into(FixedWindows.of(size))
            .triggering(AfterWatermark.pastEndOfWindow().withLateFirings(AfterPane.elementCountAtLeast(1)))
            .withAllowedLateness(allowedLateness)
            .accumulatingFiredPanes());
  }
}
