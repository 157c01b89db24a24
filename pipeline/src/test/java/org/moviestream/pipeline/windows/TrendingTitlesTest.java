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
import org.moviestream.pipeline.windows.TrendingWindow.TitleCount;

/**
 * TrendingTitles with a TestStream: the ranking per window, its ties, and what late ratings do to
 * it.
 */
public class TrendingTitlesTest {

  private static final IntervalWindow FIRST = window("2025-03-13T19:26:30Z");
  private static final IntervalWindow SECOND = window("2025-03-13T19:27:00Z");

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  /** First window: Roma 3 (Ann, Bob, Cem), Okja 2, Dark 1; second window: Dark 1. */
  private TestStream.Builder<EnrichedRating> twoWindows() {
    return TestStream.create(EnrichedRatingCoder.of())
        .advanceWatermarkTo(joda("2025-03-13T19:26:30Z"))
        .addElements(
            at(enriched("Ann", ROMA, 8, "2025-03-13T19:26:40Z", 0)),
            at(enriched("Ann", OKJA, 4, "2025-03-13T19:26:50Z", 1)),
            at(enriched("Bob", ROMA, 6, "2025-03-13T19:26:45Z", 2)),
            at(enriched("Bob", DARK, 9, "2025-03-13T19:27:05Z", 3)))
        .addElements(
            at(enriched("Cem", OKJA, 7, "2025-03-13T19:26:31Z", 4)),
            at(enriched("Cem", ROMA, 2, "2025-03-13T19:26:59Z", 5)),
            at(enriched("Cem", DARK, 5, "2025-03-13T19:26:35Z", 6)));
  }

  @Test
  public void eachWindowRanksItsMostRatedTitlesAndCountsAllOfItsRatings() {
    PCollection<Counted<TrendingWindow>> trending =
        pipeline
            .apply(twoWindows().advanceWatermarkToInfinity())
            .apply(TrendingTitles.of(RatingWindows.of(30, 60), 2));

    PAssert.that(trending)
        .inOnTimePane(FIRST)
        .containsInAnyOrder(
            trending(FIRST, List.of(new TitleCount("Roma", 3), new TitleCount("Okja", 2)), 6, 6));
    PAssert.that(trending)
        .inOnTimePane(SECOND)
        .containsInAnyOrder(trending(SECOND, List.of(new TitleCount("Dark", 1)), 1, 3));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void titlesWithAsManyRatingsRankInAlphabeticalOrder() {
    TestStream<EnrichedRating> stream =
        TestStream.create(EnrichedRatingCoder.of())
            .advanceWatermarkTo(joda("2025-03-13T19:26:30Z"))
            .addElements(
                at(enriched("Ann", ROMA, 8, "2025-03-13T19:26:40Z", 0)),
                at(enriched("Bob", OKJA, 4, "2025-03-13T19:26:50Z", 1)),
                at(enriched("Cem", DARK, 6, "2025-03-13T19:26:45Z", 2)))
            .advanceWatermarkToInfinity();

    PCollection<Counted<TrendingWindow>> trending =
        pipeline.apply(stream).apply(TrendingTitles.of(RatingWindows.of(30, 60), 2));

    PAssert.that(trending)
        .inOnTimePane(FIRST)
        .containsInAnyOrder(
            trending(FIRST, List.of(new TitleCount("Dark", 1), new TitleCount("Okja", 1)), 3, 2));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aLateRatingRanksTheWholeWindowAgain() {
    TestStream<EnrichedRating> stream =
        twoWindows()
            .advanceWatermarkTo(joda("2025-03-13T19:27:10Z"))
            .addElements(at(enriched("Dan", OKJA, 10, "2025-03-13T19:26:55Z", 7)))
            .addElements(at(enriched("Eve", OKJA, 1, "2025-03-13T19:26:56Z", 8)))
            .advanceWatermarkToInfinity();

    PCollection<Counted<TrendingWindow>> trending =
        pipeline.apply(stream).apply(TrendingTitles.of(RatingWindows.of(30, 60), 2));

    PAssert.that(trending)
        .inOnTimePane(FIRST)
        .containsInAnyOrder(
            trending(FIRST, List.of(new TitleCount("Roma", 3), new TitleCount("Okja", 2)), 6, 6));
    PAssert.that(trending)
        .inLatePane(FIRST)
        .containsInAnyOrder(
            trending(FIRST, List.of(new TitleCount("Okja", 3), new TitleCount("Roma", 3)), 7, 7),
            trending(FIRST, List.of(new TitleCount("Okja", 4), new TitleCount("Roma", 3)), 8, 8));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aRatingLaterThanTheLatenessRanksNothing() {
    TestStream<EnrichedRating> stream =
        twoWindows()
            .advanceWatermarkTo(joda("2025-03-13T19:29:00Z"))
            .addElements(at(enriched("Dan", OKJA, 10, "2025-03-13T19:26:55Z", 7)))
            .advanceWatermarkToInfinity();

    PCollection<Counted<TrendingWindow>> trending =
        pipeline.apply(stream).apply(TrendingTitles.of(RatingWindows.of(30, 60), 2));

    PAssert.that(trending)
        .inWindow(FIRST)
        .containsInAnyOrder(
            trending(FIRST, List.of(new TitleCount("Roma", 3), new TitleCount("Okja", 2)), 6, 6));
    pipeline.run().waitUntilFinish();
  }

  private static Counted<TrendingWindow> trending(
      IntervalWindow window, List<TitleCount> titles, long ratings, long lastOffset) {
    return new Counted<>(
        new TrendingWindow(
            Instant.ofEpochMilli(window.start().getMillis()),
            Instant.ofEpochMilli(window.end().getMillis()),
            titles,
            ratings),
        LastOffsets.of(List.of(new SourceKey("movies_ratings", 0, lastOffset))));
  }

  private static IntervalWindow window(String start) {
    return new IntervalWindow(
        joda(start), joda(start).plus(org.joda.time.Duration.standardSeconds(30)));
  }

  private static TimestampedValue<EnrichedRating> at(EnrichedRating rating) {
    return TimestampedValue.of(
        rating, new org.joda.time.Instant(rating.rating().timestamp().toEpochMilli()));
  }

  private static org.joda.time.Instant joda(String instant) {
    return new org.joda.time.Instant(Instant.parse(instant).toEpochMilli());
  }
}
