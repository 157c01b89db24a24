package org.moviestream.pipeline.ingest;

import static org.moviestream.pipeline.TestData.json;
import static org.moviestream.pipeline.TestData.message;
import static org.moviestream.pipeline.TestData.rating;
import static org.moviestream.pipeline.TestData.stamped;

import java.time.ZoneOffset;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.Filter;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.SimpleFunction;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.moviestream.contract.SourceKey;
import org.moviestream.pipeline.failures.Outcome;

public class ParseRatingsTest {

  private static final java.time.Duration SKEW = java.time.Duration.ofMinutes(5);

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void oddTimestampsAndOddBytesAreDeadLettersWithTheirReasons() {
    String soon = java.time.Instant.now().plusSeconds(60).toString();
    PCollection<KafkaMessage> messages =
        pipeline.apply(
            stamped(
                message(0, json("Ann Lee", "Okja", 3, "+999999999-12-31T23:59:59Z")),
                message(1, json("Ann Lee", "Okja", 3, "2099-01-01T00:00:00Z")),
                message(2, json("Ann Lee", "Okja", 3, soon)),
                message(
                    3,
                    "{\"name\":\"A\",\"movie\":\"Okja\",\"rating\":3,\"rating\":9,\"timestamp\":\"2025-03-13T19:27:00Z\"}"),
                message(4, null),
                message(5, ""),
                message(6, "[".repeat(5_000) + "]".repeat(5_000)),
                message(7, json("Ann Lee", "Okja", "1e309", "2025-03-13T19:27:00Z")),
                message(8, "\u0000\ufffd\ufffd")));

    PAssert.that(reasonsByOffset(messages.apply(new ParseRatings(ZoneOffset.UTC, SKEW))))
        .containsInAnyOrder(
            KV.of(0L, "BAD_TIMESTAMP"),
            KV.of(1L, "FUTURE_TIMESTAMP"),
            KV.of(3L, "MALFORMED_JSON"),
            KV.of(4L, "MALFORMED_JSON"),
            KV.of(5L, "MALFORMED_JSON"),
            KV.of(6L, "MALFORMED_JSON"),
            KV.of(7L, "INVALID_RATING"),
            KV.of(8L, "MALFORMED_JSON"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void aRecordWhoseTimestampIsNotItsPayloadsIsABadTimestamp() {
    KafkaMessage message = message(0, json("Ann Lee", "Okja", 3, "2025-03-13T19:27:00Z"));
    PCollection<KafkaMessage> messages =
        pipeline.apply(
            Create.timestamped(
                org.apache.beam.sdk.values.TimestampedValue.of(
                    message, org.joda.time.Instant.parse("2025-03-13T19:28:00Z"))));

    PAssert.that(reasonsByOffset(messages.apply(new ParseRatings(ZoneOffset.UTC, SKEW))))
        .containsInAnyOrder(KV.of(0L, "BAD_TIMESTAMP"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void validMessagesBecomeRatingsAndEveryBadOneADeadLetterWithItsReason() {
    PCollection<KafkaMessage> messages =
        pipeline.apply(
            stamped(
                message(0, json("Stelios Giagkos", "Roma", 8, "2025-03-13T19:26:50.863211Z")),
                message(1, json("Ann Lee", "Okja", 3, "2025-03-13T19:27:00")),
                message(2, "{oops"),
                message(
                    3,
                    "{\"name\":\"Ann Lee\",\"rating\":5,\"timestamp\":\"2025-03-13T19:27:00Z\"}"),
                message(4, json("Ann Lee", "Okja", "great", "2025-03-13T19:27:00Z")),
                message(5, json("Ann Lee", "Okja", 12, "2025-03-13T19:27:00Z")),
                message(6, json("Ann Lee", "Okja", 4, "13/03/2025"))));

    PCollection<Outcome<Rating>> parsed = messages.apply(new ParseRatings(ZoneOffset.UTC, SKEW));

    PAssert.that(parsed.apply("Ratings", values(RatingCoder.of())))
        .containsInAnyOrder(
            rating("Stelios Giagkos", "Roma", 8, "2025-03-13T19:26:50.863211Z", 0),
            new Rating(
                "Ann Lee",
                "Okja",
                3,
                java.time.Instant.parse("2025-03-13T19:27:00Z"),
                new SourceKey("movies_ratings", 0, 1),
                json("Ann Lee", "Okja", 3, "2025-03-13T19:27:00")));
    PAssert.that(reasonsByOffset(parsed))
        .containsInAnyOrder(
            KV.of(2L, "MALFORMED_JSON"),
            KV.of(3L, "MISSING_FIELD"),
            KV.of(4L, "INVALID_RATING"),
            KV.of(5L, "RATING_OUT_OF_RANGE"),
            KV.of(6L, "BAD_TIMESTAMP"));
    pipeline.run().waitUntilFinish();
  }

  /** The dead letters among {@code outcomes}, as offset -> reason. */
  static <T> PCollection<KV<Long, String>> reasonsByOffset(PCollection<Outcome<T>> outcomes) {
    return outcomes
        .apply("DeadLetters", Filter.by(Outcome::isRejected))
        .apply(
            "Reasons",
            MapElements.into(
                    TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptor.of(String.class)))
                .via(
                    (Outcome<T> o) ->
                        KV.of(o.deadLetter().source().offset(), o.deadLetter().reason().name())));
  }

  /** The values among {@code outcomes} (dead letters left out). */
  static <T> PTransform<PCollection<Outcome<T>>, PCollection<T>> values(Coder<T> coder) {
    return new PTransform<>() {
      @Override
      public PCollection<T> expand(PCollection<Outcome<T>> outcomes) {
        return outcomes
            .apply("Values", Filter.by((Outcome<T> o) -> !o.isRejected()))
            .apply(
                "Unwrap",
                MapElements.via(
                    new SimpleFunction<Outcome<T>, T>() {
                      @Override
                      public T apply(Outcome<T> outcome) {
                        return outcome.value();
                      }
                    }))
            .setCoder(coder);
      }
    };
  }
}
