package org.moviestream.pipeline.ingest;

import static org.moviestream.pipeline.TestData.rating;

import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.Rule;
import org.junit.Test;
import org.moviestream.catalog.Catalog;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.catalog.CatalogReader;
import org.moviestream.contract.RejectReason;
import org.moviestream.contract.SourceKey;
import org.moviestream.pipeline.failures.DeadLetter;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.failures.OutcomeCoder;

public class EnrichWithCatalogTest {

  private static final String CATALOG =
      "show_id,type,title,director,cast,country,date_added,release_year,rating,duration,listed_in,description\r\n"
          + "s3,Movie,The Irishman,Martin Scorsese,,United States,2019-11-27,2019,R,209 min,Dramas,\r\n"
          + "s4,Movie,Roma,Alfonso Cuarón,,Mexico,2018-12-14,2018,R,135 min,Dramas,\r\n"
          + "s9,Movie,The Irishman,Someone Else,,United States,2020-01-01,2020,R,99 min,Dramas,\r\n"
          + "s19,TV Show,Dark,,,Germany,2020-06-27,2020,TV-MA,3 Seasons,TV Mysteries,\r\n";

  @Rule public final transient TestPipeline pipeline = TestPipeline.create();

  @Test
  public void knownTitlesAreEnrichedAndUnknownOnesRejected() throws IOException {
    Catalog catalog = CatalogReader.read(new StringReader(CATALOG), "test");
    PCollectionView<Map<String, CatalogEntry>> view =
        pipeline.apply("Catalog", LoadCatalog.of(catalog));

    DeadLetter earlier =
        new DeadLetter(
            RejectReason.MALFORMED_JSON, "not JSON", "{", new SourceKey("movies_ratings", 0, 4));
    PCollection<Outcome<EnrichedRating>> enriched =
        pipeline
            .apply(
                "Ratings",
                Create.of(
                        Outcome.of(rating("Ann", "Roma", 8, "2025-03-13T19:26:50Z", 0)),
                        Outcome.of(rating("Ann", "the irishman", 9, "2025-03-13T19:27:50Z", 1)),
                        Outcome.of(rating("Bob", "Dark", 6, "2025-03-13T19:28:50Z", 2)),
                        Outcome.of(rating("Bob", "Not A Title", 4, "2025-03-13T19:29:50Z", 3)),
                        Outcome.<Rating>rejected(earlier))
                    .withCoder(OutcomeCoder.of(RatingCoder.of())))
            .apply(new EnrichWithCatalog(view));

    PAssert.that(
            enriched
                .apply("Enriched", ParseRatingsTest.values(EnrichedRatingCoder.of()))
                .apply(
                    "Facts",
                    MapElements.into(TypeDescriptors.strings()).via(EnrichWithCatalogTest::facts)))
        .containsInAnyOrder(
            "0 Roma s4 Alfonso Cuarón 135/null",
            "1 the irishman s3 Martin Scorsese 209/null",
            "2 Dark s19 null null/3");
    PAssert.that(ParseRatingsTest.reasonsByOffset(enriched))
        .containsInAnyOrder(KV.of(3L, "UNKNOWN_TITLE"), KV.of(4L, "MALFORMED_JSON"));
    pipeline.run().waitUntilFinish();
  }

  @Test
  public void theDeadLetterOfAnUnknownTitleCarriesTheOriginalPayload() throws IOException {
    Catalog catalog = CatalogReader.read(new StringReader(CATALOG), "test");
    PCollectionView<Map<String, CatalogEntry>> view =
        pipeline.apply("Catalog", LoadCatalog.of(catalog));
    String original =
        "{ \"timestamp\": \"2025-03-13T19:29:50Z\", \"rating\": 4.0, \"movie\": \"Nope\", \"name\": \"Bob\" }";
    Rating rating =
        new Rating(
            "Bob",
            "Nope",
            4,
            java.time.Instant.parse("2025-03-13T19:29:50Z"),
            new SourceKey("movies_ratings", 0, 3),
            original);

    PCollection<Outcome<EnrichedRating>> enriched =
        pipeline
            .apply(
                "Ratings",
                Create.of(Outcome.of(rating)).withCoder(OutcomeCoder.of(RatingCoder.of())))
            .apply(new EnrichWithCatalog(view));

    PAssert.that(
            enriched.apply(
                "Payloads",
                MapElements.into(TypeDescriptors.strings())
                    .via((Outcome<EnrichedRating> o) -> o.deadLetter().payload())))
        .containsInAnyOrder(original);
    pipeline.run().waitUntilFinish();
  }

  private static String facts(EnrichedRating e) {
    CatalogEntry title = e.catalog();
    return e.rating().source().offset()
        + " "
        + e.rating().movie()
        + " "
        + title.showId()
        + " "
        + title.director()
        + " "
        + title.durationMinutes()
        + "/"
        + title.seasons();
  }
}
