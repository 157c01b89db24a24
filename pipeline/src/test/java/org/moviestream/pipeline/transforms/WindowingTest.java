package org.moviestream.pipeline.transforms;

import static org.moviestream.pipeline.TestData.DARK;
import static org.moviestream.pipeline.TestData.OKJA;
import static org.moviestream.pipeline.TestData.ROMA;
import static org.moviestream.pipeline.TestData.enriched;

import java.time.Instant;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.moviestream.pipeline.model.EnrichedRating;
import org.moviestream.pipeline.model.WindowStats;

/** WindowRatings + AggregatePerWindow with a TestStream: on-time panes, late updates, too-late data. */
public class WindowingTest {

  private static final IntervalWindow WINDOW =
      new IntervalWindow(joda("2025-03-13T19:26:30Z"), joda("2025-03-13T19:27:00Z"));

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void aggregatesPerPersonPerWindowUpdatesLateAndIgnoresTooLateButKeepsEveryRating() {
    TestStream<EnrichedRating> stream = TestStream.create(SerializableCoder.of(EnrichedRating.class))
        .advanceWatermarkTo(joda("2025-03-13T19:26:30Z"))
        .addElements(
            at(enriched("Ann", ROMA, 8, "2025-03-13T19:26:40Z", 0)),
            at(enriched("Ann", OKJA, 4, "2025-03-13T19:26:50Z", 1)),
            at(enriched("Bob", DARK, 6, "2025-03-13T19:26:45Z", 2)),
            at(enriched("Bob", ROMA, 9, "2025-03-13T19:27:05Z", 3)))
        .advanceWatermarkTo(joda("2025-03-13T19:27:10Z"))
        // Late, but within the 60 s allowed lateness: the window's aggregate is fired again.
        .addElements(at(enriched("Ann", DARK, 10, "2025-03-13T19:26:55Z", 4)))
        .advanceWatermarkTo(joda("2025-03-13T19:29:00Z"))
        // Too late for the aggregate: the window closed at 19:28:00.
        .addElements(at(enriched("Bob", ROMA, 2, "2025-03-13T19:26:58Z", 5)))
        .advanceWatermarkToInfinity();

    PCollection<EnrichedRating> windowed = pipeline.apply(stream).apply(WindowRatings.of(30, 60));
    PCollection<WindowStats> stats = windowed.apply(new AggregatePerWindow());

    PAssert.that(stats).inOnTimePane(WINDOW).containsInAnyOrder(
        stats("Ann", 2, 6.0, 128.0),
        stats("Bob", 1, 6.0, null));
    // Only Ann's late rating fires the window again (accumulating); Bob's too-late one does not.
    PAssert.that(stats).inLatePane(WINDOW).containsInAnyOrder(stats("Ann", 3, 22.0 / 3, 128.0));

    PCollection<Long> everyOffset = windowed
        .apply("Offsets", MapElements.into(TypeDescriptors.longs()).via((EnrichedRating e) -> e.rating().source().offset()))
        .apply("Regardless of lateness", Window.into(new GlobalWindows()));
    PAssert.that(everyOffset).containsInAnyOrder(0L, 1L, 2L, 3L, 4L, 5L);

    pipeline.run().waitUntilFinish();
  }

  private static WindowStats stats(String name, long ratings, double avgRating, Double avgDuration) {
    return new WindowStats(name, Instant.parse("2025-03-13T19:26:30Z"), Instant.parse("2025-03-13T19:27:00Z"),
        ratings, avgRating, avgDuration);
  }

  private static TimestampedValue<EnrichedRating> at(EnrichedRating rating) {
    return TimestampedValue.of(rating, new org.joda.time.Instant(rating.rating().timestamp().toEpochMilli()));
  }

  private static org.joda.time.Instant joda(String instant) {
    return new org.joda.time.Instant(Instant.parse(instant).toEpochMilli());
  }

}
