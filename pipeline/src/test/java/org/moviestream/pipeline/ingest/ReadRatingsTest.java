package org.moviestream.pipeline.ingest;

import static org.junit.Assert.assertEquals;
import static org.moviestream.pipeline.TestData.json;

import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.KafkaTimestampType;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.junit.Test;
import org.moviestream.contract.RatingMessage;

/** The event-time policy: the rating's timestamp, and a watermark that only ratings move. */
public class ReadRatingsTest {

  private static final TimestampPolicy.PartitionContext BEHIND =
      new TimestampPolicy.PartitionContext() {
        @Override
        public long getMessageBacklog() {
          return 1000;
        }

        @Override
        public Instant getBacklogCheckTime() {
          return Instant.now();
        }
      };

  private static final Duration SKEW = Duration.standardMinutes(5);

  private final TimestampPolicy<String, String> policy =
      new ReadRatings.RatingEventTime(ZoneOffset.UTC, Duration.standardSeconds(5), SKEW)
          .createTimestampPolicy(new TopicPartition("movies_ratings", 0), Optional.empty());

  @Test
  public void aRatingsEventTimeIsItsTimestampAndTheWatermarkTrailsIt() {
    assertEquals(
        Instant.parse("2025-03-13T19:26:50Z"),
        policy.getTimestampForRecord(
            BEHIND, record(json("Ann", "Roma", 8, "2025-03-13T19:26:50Z"))));
    assertEquals(Instant.parse("2025-03-13T19:26:45Z"), policy.getWatermark(BEHIND));
  }

  @Test
  public void aMessageWithoutATimestampDoesNotMoveTheWatermark() {
    policy.getTimestampForRecord(BEHIND, record(json("Ann", "Roma", 8, "2025-03-13T19:26:50Z")));

    assertEquals(
        BoundedWindow.TIMESTAMP_MIN_VALUE,
        policy.getTimestampForRecord(BEHIND, record("{not json")));
    assertEquals(Instant.parse("2025-03-13T19:26:45Z"), policy.getWatermark(BEHIND));
  }

  @Test
  public void aRecordMarkedByTheProducerGivesItsOwnTimestampWithoutParsing() {
    RecordHeaders marked = new RecordHeaders();
    marked.add(RatingMessage.TIMESTAMP_IS_RATING_TIME, new byte[0]);
    KafkaRecord<String, String> record =
        new KafkaRecord<>(
            "movies_ratings",
            0,
            7,
            Instant.parse("2025-03-13T19:26:50.863Z").getMillis(),
            KafkaTimestampType.CREATE_TIME,
            marked,
            "Ann",
            "not even JSON");

    assertEquals(
        Instant.parse("2025-03-13T19:26:50.863Z"), policy.getTimestampForRecord(BEHIND, record));
  }

  @Test
  public void aCaughtUpPartitionFollowsTheClockEvenIfItNeverHeldARating() {
    Instant checked = Instant.parse("2026-11-26T04:30:00Z");
    TimestampPolicy.PartitionContext caughtUp = context(0, checked);
    ReadRatings.Policy empty =
        new ReadRatings.Policy(ZoneOffset.UTC, Duration.standardSeconds(5), SKEW, Optional.empty());

    assertEquals(Instant.parse("2026-11-26T04:29:55Z"), empty.watermark(caughtUp, checked));
    assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, empty.watermark(context(3, checked), checked));
  }

  @Test
  public void aPartitionWithABacklogTrailsItsNewestRating() {
    Instant checked = Instant.parse("2026-11-26T04:30:00Z");
    ReadRatings.Policy policy =
        new ReadRatings.Policy(ZoneOffset.UTC, Duration.standardSeconds(5), SKEW, Optional.empty());
    policy.getTimestampForRecord(BEHIND, record(json("Ann", "Roma", 8, "2026-11-26T04:20:00Z")));

    assertEquals(
        Instant.parse("2026-11-26T04:19:55Z"), policy.watermark(context(3, checked), checked));
    assertEquals(
        Instant.parse("2026-11-26T04:29:55Z"), policy.watermark(context(0, checked), checked));
  }

  @Test
  public void aTimestampFarAheadOfTheClockIsKeptButNeverMovesTheWatermark() {
    Instant now = Instant.parse("2026-11-26T04:30:00Z");
    ReadRatings.Policy policy =
        new ReadRatings.Policy(ZoneOffset.UTC, Duration.standardSeconds(5), SKEW, Optional.empty());
    policy.observe(Instant.parse("2026-11-26T04:20:00Z"), now);

    assertEquals(
        Instant.parse("2099-01-01T00:00:00Z"),
        policy.observe(Instant.parse("2099-01-01T00:00:00Z"), now));
    assertEquals(Instant.parse("2026-11-26T04:19:55Z"), policy.watermark(context(3, now), now));
    policy.observe(
        Instant.parse("2026-11-26T04:34:00Z"), now); // within the skew: a clock a little ahead
    assertEquals(Instant.parse("2026-11-26T04:29:55Z"), policy.watermark(context(3, now), now));
  }

  @Test
  public void aRecordTimestampNoRatingCanHaveIsTheEarliestTimestamp() {
    RecordHeaders marked = new RecordHeaders();
    marked.add(RatingMessage.TIMESTAMP_IS_RATING_TIME, new byte[0]);
    for (long millis : new long[] {Long.MAX_VALUE, 253_402_300_800_000L}) {
      KafkaRecord<String, String> record =
          new KafkaRecord<>(
              "movies_ratings", 0, 7, millis, KafkaTimestampType.CREATE_TIME, marked, "Ann", "{}");
      assertEquals(BoundedWindow.TIMESTAMP_MIN_VALUE, policy.getTimestampForRecord(BEHIND, record));
    }
  }

  @Test
  public void aPayloadFromYear999999999IsTheEarliestTimestampNotAnOverflow() {
    assertEquals(
        BoundedWindow.TIMESTAMP_MIN_VALUE,
        policy.getTimestampForRecord(
            BEHIND, record(json("Ann", "Roma", 8, "+999999999-12-31T23:59:59Z"))));
  }

  private static TimestampPolicy.PartitionContext context(long backlog, Instant checked) {
    return new TimestampPolicy.PartitionContext() {
      @Override
      public long getMessageBacklog() {
        return backlog;
      }

      @Override
      public Instant getBacklogCheckTime() {
        return checked;
      }
    };
  }

  /** Received by Kafka now: far later than the 2025 rating's own time. */
  private static KafkaRecord<String, String> record(String payload) {
    return new KafkaRecord<>(
        "movies_ratings",
        0,
        7,
        System.currentTimeMillis(),
        KafkaTimestampType.CREATE_TIME,
        new RecordHeaders(),
        "Ann",
        payload);
  }
}
