package org.moviestream.pipeline.durability;

import static org.moviestream.pipeline.TestData.OKJA;
import static org.moviestream.pipeline.TestData.ROMA;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Max;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.junit.Rule;
import org.junit.Test;
import org.moviestream.contract.RejectReason;
import org.moviestream.contract.SourceKey;
import org.moviestream.pipeline.failures.DeadLetter;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.failures.OutcomeCoder;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.ingest.EnrichedRatingCoder;
import org.moviestream.pipeline.ingest.Rating;
import org.moviestream.pipeline.windows.RatingWindows;
import org.moviestream.pipeline.windows.TrendingWindow;
import org.moviestream.pipeline.windows.TrendingWindow.TitleCount;
import org.moviestream.pipeline.windows.WindowAcks;
import org.moviestream.pipeline.windows.WindowPane;

/**
 * Durable rows and dead letters, window rows and trending rankings, of two partitions -> the
 * offsets that may be committed.
 */
public class TrackSettledOffsetsTest {

  private static final CountedCoder<WindowPane> PANES =
      CountedCoder.of(SerializableCoder.of(WindowPane.class));

  private static final String TOPIC = "movies_ratings";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void commitsUpToTheFirstOffsetThatIsNotDurableInEveryPartition() {
    PCollection<KV<String, Long>> committable = track(true);

    // Partition 0: 0-3 durable, 4 never arrived, so 5 (a dead letter) cannot be committed past it.
    // Partition 1: 5 is durable; 6 is a row whose window row is not written yet.
    PAssert.that(committable.apply(Max.longsPerKey()))
        .containsInAnyOrder(KV.of(TOPIC + "/0", 4L), KV.of(TOPIC + "/1", 6L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void messagesDeletedBeforeTheJobReadThemAreCommittedPast() {
    // Partition 0 starts at 5 now: 4, which never arrived, was deleted (retention).
    PCollection<KV<String, Long>> committable =
        track(true, partition -> partition.endsWith("/0") ? 5L : 0L);

    PAssert.that(committable.apply(Max.longsPerKey()))
        .containsInAnyOrder(KV.of(TOPIC + "/0", 6L), KV.of(TOPIC + "/1", 6L));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aRatingWaitsForItsWindowsTrendingRankingToo() {
    PCollection<KV<String, Long>> committable = track(false);

    // Partition 0: the dead letter at 1 is settled, but the row at 0 waits for the ranking.
    PAssert.that(committable).empty();
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aRatingTooLateForAnyPaneHasItsWindowCountedAgainBeforeItsOffsetIsCommitted() {
    RecordedRecounts.RECOUNTS.clear();
    // Ann's rating at 0 belongs to the window ending 19:27:00, which never had a pane of hers;
    // Bob's
    // window ending 19:30:00 (more than the 60 s lateness later) has fired: Ann's came too late.
    PCollection<Outcome<EnrichedRating>> settled =
        pipeline.apply(
            "Settled",
            Create.of(
                    Outcome.of(written("Ann", 0, 0, "2025-03-13T19:26:40Z")),
                    Outcome.of(written("Bob", 0, 1, "2025-03-13T19:29:40Z")))
                .withCoder(OutcomeCoder.of(EnrichedRatingCoder.of())));
    PCollection<Counted<WindowPane>> windowed =
        pipeline.apply(
            "Windowed",
            Create.of(
                    new Counted<>(
                        new WindowPane(
                            "Bob",
                            Instant.parse("2025-03-13T19:29:30Z"),
                            Instant.parse("2025-03-13T19:30:00Z")),
                        LastOffsets.of(List.of(new SourceKey(TOPIC, 0, 1)))))
                .withCoder(PANES));
    PCollection<Counted<TrendingWindow>> trended =
        pipeline.apply(
            "Trended",
            Create.of(
                    new Counted<>(
                        new TrendingWindow(
                            Instant.parse("2025-03-13T19:29:30Z"),
                            Instant.parse("2025-03-13T19:30:00Z"),
                            List.of(new TitleCount("Roma", 1)),
                            1),
                        LastOffsets.of(List.of(new SourceKey(TOPIC, 0, 1)))))
                .withCoder(CountedCoder.of(SerializableCoder.of(TrendingWindow.class))));

    PCollection<KV<String, Long>> committable =
        WindowAcks.of(settled, windowed, trended, RatingWindows.of(30, 60))
            .apply(
                TrackSettledOffsets.from(
                    Map.of(TOPIC + "/0", 0L),
                    RatingWindows.of(30, 60),
                    new RecordedRecounts(),
                    WindowAcks.EVERYONE,
                    partition -> 0L));

    PAssert.that(committable.apply(Max.longsPerKey())).containsInAnyOrder(KV.of(TOPIC + "/0", 2L));
    pipeline.run().waitUntilFinish();
    org.junit.Assert.assertEquals(
        List.of("Ann 2025-03-13T19:26:30Z 2025-03-13T19:27:00Z"),
        List.copyOf(RecordedRecounts.RECOUNTS));
  }

  /** Records the windows counted again (the DoFn is serialized, so the record is static). */
  static final class RecordedRecounts implements TrackSettledOffsets.LateRatings {
    static final java.util.Queue<String> RECOUNTS =
        new java.util.concurrent.ConcurrentLinkedQueue<>();

    @Override
    public void recountLate(String person, Instant windowStart, Instant windowEnd) {
      RECOUNTS.add(person + " " + windowStart + " " + windowEnd);
    }
  }

  private PCollection<KV<String, Long>> track(boolean rankingWritten) {
    return track(rankingWritten, partition -> 0L);
  }

  private PCollection<KV<String, Long>> track(
      boolean rankingWritten, TrackSettledOffsets.LogStart logStart) {
    PCollection<Outcome<EnrichedRating>> settled =
        pipeline.apply(
            "Settled",
            Create.of(
                    Outcome.of(written("Ann", 0, 0)),
                    Outcome.of(written("Bob", 0, 2)),
                    Outcome.of(written("Ann", 0, 3)),
                    Outcome.of(written("Cem", 1, 5)),
                    Outcome.of(written("Dan", 1, 6, "2025-03-13T19:27:10Z")),
                    Outcome.<EnrichedRating>rejected(
                        new DeadLetter(
                            RejectReason.MALFORMED_JSON,
                            "not JSON",
                            "{",
                            new SourceKey(TOPIC, 0, 1))),
                    Outcome.<EnrichedRating>rejected(
                        new DeadLetter(
                            RejectReason.MALFORMED_JSON,
                            "not JSON",
                            "{",
                            new SourceKey(TOPIC, 0, 5))))
                .withCoder(OutcomeCoder.of(EnrichedRatingCoder.of())));
    PCollection<Counted<WindowPane>> windowed =
        pipeline.apply(
            "Windowed",
            Create.of(
                    pane("Ann", 0, 3),
                    pane("Bob", 0, 2),
                    // Dan's rating at 6 (in the next window) still waits for its window row.
                    pane("Cem", 1, 5))
                .withCoder(PANES));
    List<Counted<TrendingWindow>> rankings =
        rankingWritten
            ? List.of(
                new Counted<>(
                    new TrendingWindow(
                        Instant.parse("2025-03-13T19:26:30Z"),
                        Instant.parse("2025-03-13T19:27:00Z"),
                        List.of(new TitleCount("Roma", 3)),
                        4),
                    LastOffsets.of(
                        List.of(new SourceKey(TOPIC, 0, 3), new SourceKey(TOPIC, 1, 5)))))
            : List.of();
    PCollection<Counted<TrendingWindow>> trended =
        pipeline.apply(
            "Trended",
            Create.of(rankings)
                .withCoder(CountedCoder.of(SerializableCoder.of(TrendingWindow.class))));

    return WindowAcks.of(settled, windowed, trended, RatingWindows.of(30, 60))
        .apply(
            TrackSettledOffsets.from(
                Map.of(TOPIC + "/0", 0L, TOPIC + "/1", 5L),
                RatingWindows.of(30, 60),
                new RecordedRecounts(),
                WindowAcks.EVERYONE,
                logStart));
  }

  private static EnrichedRating written(String name, int partition, long offset) {
    return written(name, partition, offset, "2025-03-13T19:26:40Z");
  }

  private static EnrichedRating written(String name, int partition, long offset, String timestamp) {
    Rating rating =
        new Rating(
            name,
            "Roma",
            8,
            Instant.parse(timestamp),
            new SourceKey(TOPIC, partition, offset),
            "{}");
    return new EnrichedRating(rating, offset % 2 == 0 ? ROMA : OKJA);
  }

  private static Counted<WindowPane> pane(String name, int partition, long lastOffset) {
    return new Counted<>(
        new WindowPane(
            name, Instant.parse("2025-03-13T19:26:30Z"), Instant.parse("2025-03-13T19:27:00Z")),
        LastOffsets.of(List.of(new SourceKey(TOPIC, partition, lastOffset))));
  }
}
