package org.moviestream.contract;

/**
 * Where the parts of movie-stream find each other on the local stack: the defaults of every
 * program's flags. The shell scripts keep theirs in {@code bin/lib.sh}, which must agree.
 */
public final class Defaults {

  public static final String BOOTSTRAP_SERVERS = "localhost:29092";

  /** The port of every Kafka node of the local stack ({@link #BOOTSTRAP_SERVERS}'s). */
  public static final int KAFKA_PORT = 29092;

  public static final String RATINGS_TOPIC = "movies_ratings";
  public static final String DEAD_LETTER_TOPIC = "movies_ratings_dlq";

  /** The pipeline's consumer group: its committed offsets say what is durably written. */
  public static final String CONSUMER_GROUP = "movie-ratings-pipeline";

  /**
   * Where a consumer group without committed offsets starts: the beginning of the topic, since a
   * group whose offsets expired (Kafka's offsets.retention.minutes, 7 days) looks just like a new
   * one, and rows are upserts, so reading again costs time but doubles nothing.
   */
  public static final String STARTING_OFFSETS = "earliest";

  public static final String CASSANDRA_HOST = "127.0.0.1";
  public static final int CASSANDRA_PORT = 9042;

  /** {@link #CASSANDRA_PORT} as annotation attributes need it. */
  public static final String CASSANDRA_PORT_TEXT = "9042";

  /**
   * Most rows of one person per unlogged batch: the pipeline's writer, and the benchmark's raw
   * batched writer it is measured against.
   */
  public static final int CASSANDRA_BATCH_ROWS = 20;

  public static final String KEYSPACE = "netflix";
  public static final String CATALOG = "data/netflix.csv";
  public static final String OWNER = "Stelios Giagkos";

  private Defaults() {}
}
