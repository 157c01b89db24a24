package org.moviestream.cassandra;

/**
 * The names of the tables of cassandra/schema.cql, for the CQL every program writes (the columns
 * are named in each statement, beside the values it binds to them).
 */
public final class Tables {

  /** One row per rating: PRIMARY KEY (name, timestamp DESC, id). */
  public static final String MOVIE_RATINGS = "movie_ratings";

  /** One row per person and 30-second window. */
  public static final String RATINGS_PER_WINDOW = "ratings_per_window";

  /** The most rated titles of each window, per UTC day. */
  public static final String TRENDING_TITLES = "trending_titles";

  private Tables() {}
}
