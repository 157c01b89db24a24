package org.moviestream.pipeline.windows;

import static org.moviestream.pipeline.TestData.DARK;
import static org.moviestream.pipeline.TestData.OKJA;
import static org.moviestream.pipeline.TestData.ROMA;
import static org.moviestream.pipeline.TestData.enriched;

import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.testing.TestStream;
import org.apache.beam.sdk.transforms.windowing.IntervalWindow;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TimestampedValue;
import org.junit.Rule;
import org.junit.Test;
import org.moviestream.contract.SourceKey;
import org.moviestream.pipeline.durability.Counted;
import org.moviestream.pipeline.durability.LastOffsets;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.ingest.EnrichedRatingCoder;

/** WindowPerPerson with a TestStream: one test per behaviour, as LeaderBoardTest does. */
public class WindowPerPersonTest {

  private static final IntervalWindow WINDOW =
      new IntervalWindow(joda("2025-03-13T19:26:30Z"), joda("2025-03-13T19:27:00Z"));

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  private TestStream.Builder<EnrichedRating> ratingsInWindow() {
    return TestStream.create(EnrichedRatingCoder.of())
        .advanceWatermarkTo(joda("2025-03-13T19:26:30Z"))
        .addElements(
            at(enriched("Ann", ROMA, 8, "2025-03-13T19:26:40Z", 0)),
            at(enriched("Ann", OKJA, 4, "2025-03-13T19:26:50Z", 1)),
            at(enriched("Bob", DARK, 6, "2025-03-13T19:26:45Z", 2)),
            at(enriched("Bob", ROMA, 9, "2025-03-13T19:27:05Z", 3)));
  }

  @Test
  public void onTimeOnePanePerPersonWithTheirLastOffset() {
    TestStream<EnrichedRating> stream = ratingsInWindow().advanceWatermarkToInfinity();

    PCollection<Counted<WindowPane>> panes =
        pipeline.apply(stream).apply(WindowPerPerson.of(RatingWindows.of(30, 60)));

    PAssert.that(panes).inOnTimePane(WINDOW).containsInAnyOrder(pane("Ann", 1), pane("Bob", 2));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aLateRatingWithinTheLatenessFiresItsPersonsWindowAgain() {
    TestStream<EnrichedRating> stream =
        ratingsInWindow()
            .advanceWatermarkTo(joda("2025-03-13T19:27:10Z"))
            .addElements(at(enriched("Ann", DARK, 10, "2025-03-13T19:26:55Z", 4)))
            .advanceWatermarkToInfinity();

    PCollection<Counted<WindowPane>> panes =
        pipeline.apply(stream).apply(WindowPerPerson.of(RatingWindows.of(30, 60)));

    PAssert.that(panes).inOnTimePane(WINDOW).containsInAnyOrder(pane("Ann", 1), pane("Bob", 2));
    PAssert.that(panes).inLatePane(WINDOW).containsInAnyOrder(pane("Ann", 4));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aRatingLaterThanTheLatenessFiresNothing() {
    TestStream<EnrichedRating> stream =
        ratingsInWindow()
            .advanceWatermarkTo(joda("2025-03-13T19:29:00Z"))
            .addElements(at(enriched("Bob", ROMA, 2, "2025-03-13T19:26:58Z", 5)))
            .advanceWatermarkToInfinity();

    PCollection<Counted<WindowPane>> panes =
        pipeline.apply(stream).apply(WindowPerPerson.of(RatingWindows.of(30, 60)));

    PAssert.that(panes).inWindow(WINDOW).containsInAnyOrder(pane("Ann", 1), pane("Bob", 2));
    pipeline.run().waitUntilFinish();
  }

  private static Counted<WindowPane> pane(String name, long lastOffset) {
    return new Counted<>(
        new WindowPane(
            name, Instant.parse("2025-03-13T19:26:30Z"), Instant.parse("2025-03-13T19:27:00Z")),
        LastOffsets.of(List.of(new SourceKey("movies_ratings", 0, lastOffset))));
  }

  private static TimestampedValue<EnrichedRating> at(EnrichedRating rating) {
    return TimestampedValue.of(
        rating, new org.joda.time.Instant(rating.rating().timestamp().toEpochMilli()));
  }

  private static org.joda.time.Instant joda(String instant) {
    return new org.joda.time.Instant(Instant.parse(instant).toEpochMilli());
  }
}
