package org.moviestream.pipeline.cassandraio;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.moviestream.pipeline.TestData.DARK;
import static org.moviestream.pipeline.TestData.ROMA;
import static org.moviestream.pipeline.TestData.enriched;

import java.time.Instant;
import java.util.Date;
import org.junit.Test;
import org.moviestream.pipeline.ingest.EnrichedRating;

public class MovieRatingEntityTest {

  @Test
  public void aMovieRatingEntityCarriesTheRatingAndTheCatalogFacts() {
    EnrichedRating rating = enriched("Stelios Giagkos", ROMA, 8, "2025-03-13T19:26:50.863Z", 17);

    MovieRatingEntity row = MovieRatingEntity.of(rating);

    assertEquals("Stelios Giagkos", row.getName());
    assertEquals(Date.from(Instant.parse("2025-03-13T19:26:50.863Z")), row.getTimestamp());
    assertEquals(rating.rating().source().rowId(), row.getId());
    assertEquals("s4", row.getShowId());
    assertEquals("Roma", row.getMovie());
    assertEquals(8, row.getRatingMovie());
    assertEquals(Integer.valueOf(135), row.getDuration());
    assertNull(row.getSeasons());
    assertEquals(Integer.valueOf(2018), row.getReleaseYear());
    assertEquals("Alfonso Cuarón", row.getDirector());
    assertEquals("R", row.getContentRating());
    assertEquals(row, MovieRatingEntity.of(rating));
  }

  @Test
  public void aTvShowHasSeasonsAndNoDuration() {
    MovieRatingEntity row =
        MovieRatingEntity.of(enriched("Ann", DARK, 6, "2025-03-13T19:26:50Z", 3));
    assertNull(row.getDuration());
    assertEquals(Integer.valueOf(3), row.getSeasons());
  }
}
