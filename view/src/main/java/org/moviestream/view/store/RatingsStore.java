package org.moviestream.view.store;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.cassandra.SeedQuestions;
import org.moviestream.cassandra.Tables;

/**
 * What the page reads from Cassandra, every value bound: names, window rows, rankings and the two
 * questions. Connects on first use and again after a failed attempt, so the view starts before
 * Cassandra does and recovers by itself; the driver reconnects an established session itself.
 */
public final class RatingsStore implements AutoCloseable {

  private final CassandraSettings cassandra;
  private final String keyspace;
  private final Map<String, PreparedStatement> prepared = new ConcurrentHashMap<>();
  private volatile CassandraConnection connection;

  public RatingsStore(CassandraSettings cassandra, String keyspace) {
    this.cassandra = cassandra;
    this.keyspace = keyspace;
  }

  /** One person's window row. */
  public record WindowRow(
      Instant windowStart, Instant windowEnd, long ratings, double avgRating, Double avgDuration) {}

  /** One window's ranking, most rated first, and how many ratings the window has in all. */
  public record Ranking(
      Instant windowStart, Instant windowEnd, long windowRatings, List<TitleRatings> titles) {}

  public record TitleRatings(String title, long ratings) {}

  /** The answer to Q1. */
  public record AverageDuration(Double avgDurationMinutes, long movies, long ratings) {}

  /** One row of the answer to Q2. */
  public record RatedTitle(
      Instant timestamp,
      String movie,
      int rating,
      String director,
      Integer duration,
      Integer releaseYear) {}

  /** One Cassandra node the driver knows of, and whether it takes requests now. */
  public record CassandraNode(String address, String datacenter, boolean up) {}

  /**
   * Every node of the cluster, as the driver sees it (gossip tells it of nodes it was not given).
   */
  public List<CassandraNode> nodes() {
    return read(
        session ->
            session.getMetadata().getNodes().values().stream()
                .map(
                    node ->
                        new CassandraNode(
                            ((InetSocketAddress) node.getEndPoint().resolve())
                                .getAddress()
                                .getHostAddress(),
                            node.getDatacenter(),
                            node.getState() == NodeState.UP))
                .sorted(java.util.Comparator.comparing(CassandraNode::address))
                .toList());
  }

  /**
   * Why Cassandra cannot answer the page now (down, or without the keyspace), or null if it can.
   */
  public String problem() {
    try {
      read(session -> session.execute("SELECT release_version FROM system.local").one());
    } catch (ServiceDownException e) {
      return e.getMessage();
    }
    if (session().getMetadata().getKeyspace(keyspace).isEmpty()) {
      return "Cassandra at "
          + cassandra
          + " has no keyspace '"
          + keyspace
          + "' (bin/stack start applies cassandra/schema.cql)";
    }
    return null;
  }

  /**
   * Everyone who has a rating, in alphabetical order (a scan of the partition keys: fine for a
   * class-sized table).
   */
  public List<String> people() {
    return read(
        session ->
            session
                .execute(statement("SELECT DISTINCT name FROM %s." + Tables.MOVIE_RATINGS).bind())
                .all()
                .stream()
                .map(row -> row.getString("name"))
                .sorted()
                .toList());
  }

  public boolean hasRatings(String name) {
    return read(
        session ->
            session
                    .execute(
                        statement(
                                "SELECT name FROM %s."
                                    + Tables.MOVIE_RATINGS
                                    + " WHERE name = ? LIMIT 1")
                            .bind(name))
                    .one()
                != null);
  }

  /** The person's latest {@code count} windows, newest first. */
  public List<WindowRow> latestWindows(String name, int count) {
    return read(
        session ->
            session
                .execute(
                    statement(
                            "SELECT window_start, window_end, ratings, avg_rating_movie, avg_duration FROM %s."
                                + Tables.RATINGS_PER_WINDOW
                                + " WHERE name = ? LIMIT ?")
                        .bind(name, count))
                .all()
                .stream()
                .map(
                    row ->
                        new WindowRow(
                            instant(row, "window_start"),
                            instant(row, "window_end"),
                            row.getLong("ratings"),
                            row.getDouble("avg_rating_movie"),
                            row.isNull("avg_duration") ? null : row.getDouble("avg_duration")))
                .toList());
  }

  /** The rankings of the latest {@code count} windows of {@code day} (UTC), newest first. */
  public List<Ranking> latestRankings(java.time.LocalDate day, int count) {
    return read(
        session ->
            session
                .execute(
                    statement(
                            "SELECT window_start, window_end, window_ratings, titles, title_ratings FROM %s."
                                + Tables.TRENDING_TITLES
                                + " WHERE day = ? LIMIT ?")
                        .bind(day, count))
                .all()
                .stream()
                .map(RatingsStore::ranking)
                .toList());
  }

  public AverageDuration averageDuration(String name, Instant from, Instant to) {
    return read(
        session -> {
          Row row =
              session.execute(statement(SeedQuestions.AVG_DURATION).bind(name, from, to)).one();
          return new AverageDuration(
              row.isNull("avg_duration_min") || row.getLong("movies") == 0
                  ? null
                  : row.getDouble("avg_duration_min"),
              row.getLong("movies"),
              row.getLong("ratings"));
        });
  }

  public List<RatedTitle> ratedInHour(String name, Instant hour) {
    return read(
        session ->
            session
                .execute(
                    statement(SeedQuestions.MOVIES_IN_HOUR)
                        .bind(name, hour, hour.plusSeconds(3600)))
                .all()
                .stream()
                .map(
                    row ->
                        new RatedTitle(
                            instant(row, "timestamp"),
                            row.getString("movie"),
                            row.getInt("rating_movie"),
                            row.getString("director"),
                            (Integer) row.getObject("duration"),
                            (Integer) row.getObject("release_year")))
                .toList());
  }

  private static Ranking ranking(Row row) {
    List<String> titles = row.getList("titles", String.class);
    List<Long> ratings = row.getList("title_ratings", Long.class);
    List<TitleRatings> ranked = new ArrayList<>();
    for (int i = 0; i < titles.size() && i < ratings.size(); i++) {
      ranked.add(new TitleRatings(titles.get(i), ratings.get(i)));
    }
    return new Ranking(
        instant(row, "window_start"),
        instant(row, "window_end"),
        row.getLong("window_ratings"),
        ranked);
  }

  private static Instant instant(Row row, String column) {
    return row.getInstant(column);
  }

  /** The UTC day of an instant, as trending_titles partitions its rows. */
  public static java.time.LocalDate dayOf(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  private PreparedStatement statement(String cql) {
    return prepared.computeIfAbsent(cql, key -> session().prepare(String.format(key, keyspace)));
  }

  private <T> T read(Function<CqlSession, T> query) {
    try {
      return query.apply(session());
    } catch (DriverException e) {
      throw new ServiceDownException(
          "Cassandra at " + cassandra + " does not answer: " + e.getMessage(), e);
    }
  }

  private synchronized CqlSession session() {
    if (connection == null) {
      try {
        connection = CassandraConnection.open(cassandra);
      } catch (IllegalStateException e) {
        throw new ServiceDownException(e.getMessage(), e);
      }
    }
    return connection.session();
  }

  @Override
  public synchronized void close() {
    if (connection != null) {
      connection.close();
    }
  }
}
