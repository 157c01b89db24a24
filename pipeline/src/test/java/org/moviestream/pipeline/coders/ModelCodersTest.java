package org.moviestream.pipeline.coders;

import static org.moviestream.pipeline.TestData.DARK;
import static org.moviestream.pipeline.TestData.ROMA;
import static org.moviestream.pipeline.TestData.enriched;

import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.Test;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.contract.RejectReason;
import org.moviestream.pipeline.TestData;
import org.moviestream.pipeline.model.DeadLetter;
import org.moviestream.pipeline.model.EnrichedRating;
import org.moviestream.pipeline.model.Outcome;
import org.moviestream.pipeline.model.SourceOffset;
import org.moviestream.pipeline.model.WindowTally;

/** Every model coder decodes what it encoded, nulls and microseconds included. */
public class ModelCodersTest {

  @Test
  public void roundTripsEveryModelRecord() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        ModelCoders.KafkaMessageCoder.of(), TestData.message(7, "{\"a\":1}"));
    CoderProperties.coderDecodeEncodeEqual(
        ModelCoders.KafkaMessageCoder.of(), TestData.message(8, null));
    CoderProperties.coderDecodeEncodeEqual(
        ModelCoders.RatingCoder.of(),
        TestData.rating("Stelios Giagkos", "Roma", 8, "2025-03-13T19:26:50.863211Z", 3));
    CoderProperties.coderDecodeEncodeEqual(ModelCoders.CatalogEntryCoder.of(), ROMA);
    CoderProperties.coderDecodeEncodeEqual(
        ModelCoders.CatalogEntryCoder.of(),
        new CatalogEntry(null, null, "Only A Title", null, null, null, null, null, null, null));
    CoderProperties.coderDecodeEncodeEqual(
        ModelCoders.EnrichedRatingCoder.of(), enriched("Ann", DARK, 6, "2025-03-13T19:26:50Z", 2));
    CoderProperties.coderDecodeEncodeEqual(
        ModelCoders.DeadLetterCoder.of(),
        new DeadLetter(
            RejectReason.BAD_TIMESTAMP,
            "timestamp 'x' is not ISO-8601",
            "{}",
            new SourceOffset("t", 1, 2)));
  }

  @Test
  public void aWindowTallyRoundTripsWithItsCountsAndLastOffsets() throws Exception {
    WindowTally tally =
        new WindowTally()
            .add("Roma", new SourceOffset("movies_ratings", 0, 4))
            .add("Roma", new SourceOffset("movies_ratings", 1, 9))
            .add("Dark", new SourceOffset("movies_ratings", 0, 7));
    CoderProperties.coderDecodeEncodeEqual(ModelCoders.WindowTallyCoder.of(), tally);
    CoderProperties.coderDecodeEncodeEqual(ModelCoders.WindowTallyCoder.of(), new WindowTally());
  }

  @Test
  public void anOutcomeRoundTripsAsAValueOrAsADeadLetter() throws Exception {
    OutcomeCoder<EnrichedRating> coder = OutcomeCoder.of(ModelCoders.EnrichedRatingCoder.of());
    CoderProperties.coderDecodeEncodeEqual(
        coder, Outcome.of(enriched("Ann", ROMA, 6, "2025-03-13T19:26:50Z", 2)));
    CoderProperties.coderDecodeEncodeEqual(
        coder,
        Outcome.rejected(
            new DeadLetter(
                RejectReason.UNKNOWN_TITLE,
                "title 'x' is not in the catalog",
                "{}",
                new SourceOffset("t", 0, 9))));
    coder.verifyDeterministic();
  }
}
