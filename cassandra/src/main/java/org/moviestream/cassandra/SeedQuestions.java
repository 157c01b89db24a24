package org.moviestream.cassandra;

/**
 * The two questions of cassandra/queries.cql with bound parameters, for any keyspace: asked by
 * {@code bin/query} and by the view's form alike.
 */
public final class SeedQuestions {

  /** Q1, bound to (name, from inclusive, to exclusive): avg_duration_min, movies, ratings. */
  public static final String AVG_DURATION =
      "SELECT AVG(CAST(duration AS double)) AS avg_duration_min, COUNT(duration) AS movies,"
          + " COUNT(*) AS ratings FROM %s."
          + Tables.MOVIE_RATINGS
          + " WHERE name = ? AND timestamp >= ? AND timestamp < ?";

  /** Q2, bound to (name, hour, hour + 1 h): the person's ratings of that hour, newest first. */
  public static final String MOVIES_IN_HOUR =
      "SELECT timestamp, movie, rating_movie, director, duration, release_year"
          + " FROM %s."
          + Tables.MOVIE_RATINGS
          + " WHERE name = ? AND timestamp >= ? AND timestamp < ?";

  private SeedQuestions() {}

  /** {@code question} asked of {@code keyspace}. */
  public static String in(String keyspace, String question) {
    return String.format(question, keyspace);
  }
}
