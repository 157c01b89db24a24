package org.moviestream.query;

import com.datastax.oss.driver.api.core.CqlSession;
import org.moviestream.cassandra.Tables;

/**
 * How many rows movie_ratings holds for one person, or in all (a full scan: fine for tests, slow at
 * scale).
 */
final class RowCount {

  private RowCount() {}

  static long of(CqlSession session, String keyspace, String name) {
    if (name == null) {
      return session
          .execute("SELECT COUNT(*) FROM " + keyspace + "." + Tables.MOVIE_RATINGS)
          .one()
          .getLong(0);
    }
    return session
        .execute(
            "SELECT COUNT(*) FROM " + keyspace + "." + Tables.MOVIE_RATINGS + " WHERE name = ?",
            name)
        .one()
        .getLong(0);
  }
}
