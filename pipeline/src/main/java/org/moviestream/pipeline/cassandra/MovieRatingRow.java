package org.moviestream.pipeline.cassandra;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import org.moviestream.cassandra.Tables;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.ingest.Rating;

/** A row of netflix.movie_ratings, its columns bound by position. */
final class MovieRatingRow {

  /** The row's INSERT, with its columns in the order {@link #bind} fills them. */
  static final String INSERT =
      "INSERT INTO "
          + Tables.MOVIE_RATINGS
          + " (name, timestamp, id, show_id, movie, rating_movie, duration,"
          + " seasons, release_year, director, country, type, content_rating) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private MovieRatingRow() {}

  /**
   * {@code insert} ({@link #INSERT}) bound to the row of {@code enriched}, set by position; a null
   * column stays unset, so it writes no tombstone (as the mapper's saveNullFields(false)).
   */
  static BoundStatement bind(PreparedStatement insert, EnrichedRating enriched) {
    Rating rating = enriched.rating();
    CatalogEntry title = enriched.catalog();
    BoundStatementBuilder row =
        insert
            .boundStatementBuilder()
            .setString(0, rating.name())
            .setInstant(1, rating.timestamp())
            .setUuid(2, rating.source().rowId());
    setIfPresent(row, 3, title.showId());
    row.setString(4, title.title());
    row.setInt(5, rating.ratingMovie());
    setIfPresent(row, 6, title.durationMinutes());
    setIfPresent(row, 7, title.seasons());
    setIfPresent(row, 8, title.releaseYear());
    setIfPresent(row, 9, title.director());
    setIfPresent(row, 10, title.country());
    setIfPresent(row, 11, title.type());
    setIfPresent(row, 12, title.contentRating());
    return row.build();
  }

  private static void setIfPresent(BoundStatementBuilder row, int index, String value) {
    if (value != null) {
      row.setString(index, value);
    }
  }

  private static void setIfPresent(BoundStatementBuilder row, int index, Integer value) {
    if (value != null) {
      row.setInt(index, value);
    }
  }
}
