package org.moviestream.pipeline.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import org.moviestream.cassandra.Tables;
import org.moviestream.pipeline.durability.TrackSettledOffsets;
import org.moviestream.pipeline.windows.WindowStats;

/**
 * A person's window row of netflix.ratings_per_window, its figures computed by Cassandra from the
 * person's rows in that window (one partition, one clustering range) and written. Used for each
 * window pane, and by the offset tracking for a rating too late for any pane: the row is right
 * whenever it is written, whatever came before.
 */
public final class WindowRecount implements TrackSettledOffsets.LateRatings {

  static final String STATS_CQL =
      "SELECT COUNT(*) AS ratings, AVG(CAST(rating_movie AS double)) AS avg_rating,"
          + " COUNT(duration) AS movies, AVG(CAST(duration AS double)) AS avg_duration"
          + " FROM "
          + Tables.MOVIE_RATINGS
          + " WHERE name = ? AND timestamp >= ? AND timestamp < ?";

  private final CassandraTarget target;
  private final CassandraRetry retry;
  private transient CqlSession session;
  private transient PreparedStatement stats;
  private transient PreparedStatement insert;

  public WindowRecount(CassandraTarget target) {
    this.target = target;
    this.retry = target.retry();
  }

  /**
   * Recounts {@code person}'s window [start, end) and writes its row; false when the window holds
   * no rating (no row then).
   */
  public boolean recount(String person, Instant start, Instant end)
      throws CassandraRetry.Refused, InterruptedException {
    connect();
    Row row =
        retry.call(
            "window query",
            () ->
                session
                    .execute(
                        stats
                            .bind(person, start, end)
                            // The level that sees every row written at the target's.
                            .setConsistencyLevel(target.consistency().reads()))
                    .one());
    long ratings = row.getLong("ratings");
    if (ratings == 0) {
      return false;
    }
    WindowStats window =
        new WindowStats(
            person,
            start,
            end,
            ratings,
            row.getDouble("avg_rating"),
            row.getLong("movies") == 0 ? null : row.getDouble("avg_duration"));
    retry.call(
        "window row",
        () -> {
          session.execute(WindowStatsRow.bind(insert, window));
          return null;
        });
    return true;
  }

  @Override
  public void recountLate(String person, Instant start, Instant end) throws Exception {
    recount(person, start, end);
  }

  private void connect() throws CassandraRetry.Refused, InterruptedException {
    if (session == null) {
      session = retry.call("connecting to Cassandra", () -> SharedSessions.session(target));
      stats =
          retry.call(
              "preparing the window query", () -> SharedSessions.prepared(target, STATS_CQL));
      insert =
          retry.call(
              "preparing the window row",
              () -> SharedSessions.prepared(target, WindowStatsRow.INSERT));
    }
  }
}
