package org.moviestream.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Talks to the real Cassandra of bin/stack: the schema is applied and the table sorts newest first.
 */
class MovieRatingsTableIT {

  private static final String PERSON = "it-person-" + UUID.randomUUID();
  private static CassandraConnection connection;

  @BeforeAll
  static void connect() {
    connection = CassandraConnection.open("127.0.0.1", 9042);
  }

  @AfterAll
  static void cleanUp() {
    connection.session().execute("DELETE FROM netflix.movie_ratings WHERE name = ?", PERSON);
    connection.close();
  }

  @Test
  void rowsReadBackNewestFirstWithTheirColumns() {
    CqlSession session = connection.session();
    Instant first = Instant.parse("2025-03-13T19:26:50.863Z");
    List<Instant> written = List.of(first, first.plusSeconds(60), first.minusSeconds(3600));
    for (Instant timestamp : written) {
      session.execute(
          "INSERT INTO netflix.movie_ratings (name, timestamp, id, show_id, movie, rating_movie, duration) "
              + "VALUES (?, ?, ?, 's4', 'Roma', 8, 135)",
          PERSON,
          timestamp,
          UUID.randomUUID());
    }

    List<Row> rows =
        session.execute("SELECT * FROM netflix.movie_ratings WHERE name = ?", PERSON).all();

    assertEquals(3, rows.size());
    assertEquals(first.plusSeconds(60), rows.get(0).getInstant("timestamp"));
    assertEquals(first, rows.get(1).getInstant("timestamp"));
    assertEquals(first.minusSeconds(3600), rows.get(2).getInstant("timestamp"));
    assertEquals("Roma", rows.get(0).getString("movie"));
    assertEquals(8, rows.get(0).getInt("rating_movie"));
    assertEquals(135, rows.get(0).getInt("duration"));
  }
}
