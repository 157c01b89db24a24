package org.moviestream.pipeline.cassandra;

import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import org.moviestream.cassandra.Tables;
import org.moviestream.pipeline.windows.WindowStats;

/** A row of netflix.ratings_per_window: one person's window, rewritten by each (late) firing. */
final class WindowStatsRow {

  /** The row's INSERT, with its columns in the order {@link #bind} fills them. */
  static final String INSERT =
      "INSERT INTO "
          + Tables.RATINGS_PER_WINDOW
          + " (name, window_start, window_end, ratings, avg_rating_movie,"
          + " avg_duration) VALUES (?, ?, ?, ?, ?, ?)";

  private WindowStatsRow() {}

  /**
   * {@code insert} ({@link #INSERT}) bound to {@code stats}, set by position; a window without
   * runtimes leaves avg_duration unset, so it writes no tombstone.
   */
  static BoundStatement bind(PreparedStatement insert, WindowStats stats) {
    BoundStatementBuilder row =
        insert
            .boundStatementBuilder()
            .setString(0, stats.name())
            .setInstant(1, stats.windowStart())
            .setInstant(2, stats.windowEnd())
            .setLong(3, stats.ratings())
            .setDouble(4, stats.avgRatingMovie());
    if (stats.avgDuration() != null) {
      row.setDouble(5, stats.avgDuration());
    }
    return row.build();
  }
}
