package org.moviestream.pipeline.transforms;

import static org.moviestream.pipeline.TestData.json;
import static org.moviestream.pipeline.TestData.message;
import static org.moviestream.pipeline.TestData.rating;

import java.time.ZoneOffset;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.coders.Coder;
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
import org.moviestream.pipeline.coders.ModelCoders;
import org.moviestream.pipeline.model.KafkaMessage;
import org.moviestream.pipeline.model.Outcome;
import org.moviestream.pipeline.model.Rating;
import org.moviestream.pipeline.model.SourceOffset;

public class ParseRatingsTest {

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void validMessagesBecomeRatingsAndEveryBadOneADeadLetterWithItsReason() {
    PCollection<KafkaMessage> messages = pipeline.apply(Create.of(
        message(0, json("Stelios Giagkos", "Roma", 8, "2025-03-13T19:26:50.863211Z")),
        message(1, json("Ann Lee", "Okja", 3, "2025-03-13T19:27:00")),
        message(2, "{oops"),
        message(3, "{\"name\":\"Ann Lee\",\"rating\":5,\"timestamp\":\"2025-03-13T19:27:00Z\"}"),
        message(4, json("Ann Lee", "Okja", "great", "2025-03-13T19:27:00Z")),
        message(5, json("Ann Lee", "Okja", 12, "2025-03-13T19:27:00Z")),
        message(6, json("Ann Lee", "Okja", 4, "13/03/2025"))));

    PCollection<Outcome<Rating>> parsed = messages.apply(new ParseRatings(ZoneOffset.UTC));

    PAssert.that(parsed.apply("Ratings", values(ModelCoders.RatingCoder.of()))).containsInAnyOrder(
        rating("Stelios Giagkos", "Roma", 8, "2025-03-13T19:26:50.863211Z", 0),
        new Rating("Ann Lee", "Okja", 3, java.time.Instant.parse("2025-03-13T19:27:00Z"), new SourceOffset("movies_ratings", 0, 1),
            json("Ann Lee", "Okja", 3, "2025-03-13T19:27:00")));
    PAssert.that(reasonsByOffset(parsed)).containsInAnyOrder(
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
        .apply("Reasons", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.longs(), TypeDescriptor.of(String.class)))
            .via((Outcome<T> o) -> KV.of(o.deadLetter().source().offset(), o.deadLetter().reason().name())));
  }

  /** The values among {@code outcomes} (dead letters left out). */
  static <T> PTransform<PCollection<Outcome<T>>, PCollection<T>> values(Coder<T> coder) {
    return new PTransform<>() {
      @Override
      public PCollection<T> expand(PCollection<Outcome<T>> outcomes) {
        return outcomes
            .apply("Values", Filter.by((Outcome<T> o) -> !o.isRejected()))
            .apply("Unwrap", MapElements.via(new SimpleFunction<Outcome<T>, T>() {
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
