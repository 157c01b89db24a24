package org.moviestream.pipeline.io;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.moviestream.pipeline.TestData.DARK;
import static org.moviestream.pipeline.TestData.ROMA;
import static org.moviestream.pipeline.TestData.enriched;

import java.time.Instant;
import java.util.Date;
import org.junit.Test;
import org.moviestream.pipeline.model.EnrichedRating;
import org.moviestream.pipeline.model.WindowStats;

public class RowsTest {

  @Test
  public void aMovieRatingRowCarriesTheRatingAndTheCatalogFacts() {
    EnrichedRating rating = enriched("Stelios Giagkos", ROMA, 8, "2025-03-13T19:26:50.863Z", 17);

    MovieRatingRow row = MovieRatingRow.of(rating);

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
    assertEquals(row, MovieRatingRow.of(rating));
  }

  @Test
  public void aTvShowHasSeasonsAndNoDuration() {
    MovieRatingRow row = MovieRatingRow.of(enriched("Ann", DARK, 6, "2025-03-13T19:26:50Z", 3));
    assertNull(row.getDuration());
    assertEquals(Integer.valueOf(3), row.getSeasons());
  }

  @Test
  public void aWindowStatsRowCarriesTheWindowBounds() {
    WindowStatsRow row =
        WindowStatsRow.of(
            new WindowStats(
                "Ann",
                Instant.parse("2025-03-13T19:26:30Z"),
                Instant.parse("2025-03-13T19:27:00Z"),
                3,
                7.5,
                null));
    assertEquals(Date.from(Instant.parse("2025-03-13T19:26:30Z")), row.getWindowStart());
    assertEquals(Date.from(Instant.parse("2025-03-13T19:27:00Z")), row.getWindowEnd());
    assertEquals(3, row.getRatings());
    assertEquals(7.5, row.getAvgRatingMovie(), 0);
    assertNull(row.getAvgDuration());
  }
}
