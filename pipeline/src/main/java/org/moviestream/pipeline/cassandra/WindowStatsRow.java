package org.moviestream.pipeline.cassandra;

import com.datastax.driver.core.BoundStatement;
import com.datastax.driver.core.PreparedStatement;
import java.util.Date;
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
    BoundStatement row = insert.bind();
    row.setString(0, stats.name());
    row.setTimestamp(1, Date.from(stats.windowStart()));
    row.setTimestamp(2, Date.from(stats.windowEnd()));
    row.setLong(3, stats.ratings());
    row.setDouble(4, stats.avgRatingMovie());
    if (stats.avgDuration() != null) {
      row.setDouble(5, stats.avgDuration());
    }
    return row;
  }
}
