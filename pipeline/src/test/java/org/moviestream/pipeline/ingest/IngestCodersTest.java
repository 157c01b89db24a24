package org.moviestream.pipeline.ingest;

import static org.moviestream.pipeline.TestData.DARK;
import static org.moviestream.pipeline.TestData.ROMA;
import static org.moviestream.pipeline.TestData.enriched;

import org.apache.beam.sdk.testing.CoderProperties;
import org.junit.Test;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.contract.RejectReason;
import org.moviestream.contract.SourceKey;
import org.moviestream.pipeline.TestData;
import org.moviestream.pipeline.failures.DeadLetter;
import org.moviestream.pipeline.failures.DeadLetterCoder;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.failures.OutcomeCoder;
import org.moviestream.pipeline.windows.WindowTally;
import org.moviestream.pipeline.windows.WindowTallyCoder;

/** Every model coder decodes what it encoded, nulls and microseconds included. */
public class IngestCodersTest {

  @Test
  public void roundTripsEveryModelRecord() throws Exception {
    CoderProperties.coderDecodeEncodeEqual(
        KafkaMessageCoder.of(), TestData.message(7, "{\"a\":1}"));
    CoderProperties.coderDecodeEncodeEqual(KafkaMessageCoder.of(), TestData.message(8, null));
    CoderProperties.coderDecodeEncodeEqual(
        RatingCoder.of(),
        TestData.rating("Stelios Giagkos", "Roma", 8, "2025-03-13T19:26:50.863211Z", 3));
    CoderProperties.coderDecodeEncodeEqual(CatalogEntryCoder.of(), ROMA);
    CoderProperties.coderDecodeEncodeEqual(
        CatalogEntryCoder.of(),
        new CatalogEntry(null, null, "Only A Title", null, null, null, null, null, null, null));
    CoderProperties.coderDecodeEncodeEqual(
        EnrichedRatingCoder.of(), enriched("Ann", DARK, 6, "2025-03-13T19:26:50Z", 2));
    CoderProperties.coderDecodeEncodeEqual(
        DeadLetterCoder.of(),
        new DeadLetter(
            RejectReason.BAD_TIMESTAMP,
            "timestamp 'x' is not ISO-8601",
            "{}",
            new SourceKey("t", 1, 2)));
  }

  @Test
  public void aWindowTallyRoundTripsWithItsCounts() throws Exception {
    WindowTally tally = new WindowTally().add("Roma").add("Roma").add("Dark");
    CoderProperties.coderDecodeEncodeEqual(WindowTallyCoder.of(), tally);
    CoderProperties.coderDecodeEncodeEqual(WindowTallyCoder.of(), new WindowTally());
  }

  @Test
  public void anOutcomeRoundTripsAsAValueOrAsADeadLetter() throws Exception {
    OutcomeCoder<EnrichedRating> coder = OutcomeCoder.of(EnrichedRatingCoder.of());
    CoderProperties.coderDecodeEncodeEqual(
        coder, Outcome.of(enriched("Ann", ROMA, 6, "2025-03-13T19:26:50Z", 2)));
    CoderProperties.coderDecodeEncodeEqual(
        coder,
        Outcome.rejected(
            new DeadLetter(
                RejectReason.UNKNOWN_TITLE,
                "title 'x' is not in the catalog",
                "{}",
                new SourceKey("t", 0, 9))));
    coder.verifyDeterministic();
  }
}
