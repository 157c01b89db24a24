package org.moviestream.pipeline.options;

import org.apache.beam.runners.spark.SparkPipelineOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;

/**
 * Every setting of the movie-ratings pipeline. Spark's own (--sparkMaster, --streaming,
 * --batchIntervalMillis, --checkpointDir, --maxRecordsPerBatch, ...) come from {@link SparkPipelineOptions}.
 */
public interface MovieRatingsOptions extends SparkPipelineOptions {

  @Description("Kafka bootstrap servers")
  @Default.String("localhost:29092")
  String getBootstrapServers();

  void setBootstrapServers(String value);

  @Description("Kafka topic the ratings arrive on")
  @Default.String("movies_ratings")
  String getTopic();

  void setTopic(String value);

  @Description("Where to start when the consumer group has no committed offsets: latest or earliest")
  @Default.String("latest")
  String getStartingOffsets();

  void setStartingOffsets(String value);

  @Description("Kafka consumer group: a run resumes at its committed offsets, and an offset is committed to it only"
      + " once its message and every one before it in the partition are durable in Cassandra or on the dead-letter topic")
  @Default.String("movie-ratings-pipeline")
  String getConsumerGroup();

  void setConsumerGroup(String value);

  @Description("The Netflix catalog, in the Kaggle netflix_titles.csv schema")
  @Default.String("data/netflix.csv")
  String getCatalog();

  void setCatalog(String value);

  @Description("Time zone of rating timestamps that carry no offset (the seed's Python writes none)")
  @Default.String("UTC")
  String getInputZone();

  void setInputZone(String value);

  @Description("How far behind the newest rating timestamp the event-time watermark trails, in seconds")
  @Default.Integer(5)
  Integer getWatermarkDelaySeconds();

  void setWatermarkDelaySeconds(Integer value);

  @Description("Length of the fixed event-time windows, in seconds")
  @Default.Integer(30)
  Integer getWindowSeconds();

  void setWindowSeconds(Integer value);

  @Description("How long after the watermark passes a window late ratings still update its aggregate, in"
      + " seconds (every rating is stored in movie_ratings however late)")
  @Default.Integer(60)
  Integer getAllowedLatenessSeconds();

  void setAllowedLatenessSeconds(Integer value);

  @Description("Cassandra contact points, comma-separated")
  @Default.String("127.0.0.1")
  String getCassandraHosts();

  void setCassandraHosts(String value);

  @Description("Cassandra native-protocol port")
  @Default.Integer(9042)
  Integer getCassandraPort();

  void setCassandraPort(Integer value);

  @Description("Cassandra keyspace holding movie_ratings and ratings_per_window")
  @Default.String("netflix")
  String getKeyspace();

  void setKeyspace(String value);

  @Description("How rows are written: SHARED_SESSION (a DoFn on one session per JVM that reports each acknowledged"
      + " row, so offsets are committed only once their rows are durable) or CASSANDRA_IO (Beam's CassandraIO.write(),"
      + " which opens and closes a Cluster for every partition of every micro-batch and reports nothing back: offsets"
      + " are then committed when rows are handed over, so a crash can lose rows; for comparison only)")
  @Default.Enum("SHARED_SESSION")
  CassandraWriter getCassandraWriter();

  void setCassandraWriter(CassandraWriter value);

  @Description("How often a statement Cassandra refuses (a value the table rejects) is tried before its rating"
      + " becomes a WRITE_FAILED dead letter; statements failing because Cassandra is away are retried until it is back")
  @Default.Integer(3)
  Integer getCassandraWriteAttempts();

  void setCassandraWriteAttempts(Integer value);

  @Description("Longest wait between two retries while Cassandra is away, in seconds (the backoff starts at 0.2 s)")
  @Default.Integer(5)
  Integer getCassandraMaxBackoffSeconds();

  void setCassandraMaxBackoffSeconds(Integer value);

  @Description("Most asynchronous Cassandra writes in flight per writer (SHARED_SESSION)")
  @Default.Integer(256)
  Integer getCassandraMaxInFlight();

  void setCassandraMaxInFlight(Integer value);

  @Description("Kafka topic that receives rejected messages as JSON, with reason and source offset")
  @Default.String("movies_ratings_dlq")
  String getDeadLetterTopic();

  void setDeadLetterTopic(String value);

  @Description("Seconds between two progress lines (metrics counters); 0 prints none")
  @Default.Integer(10)
  Integer getProgressSeconds();

  void setProgressSeconds(Integer value);

  @Description("Stop the pipeline after this many seconds; 0 runs until Ctrl-C")
  @Default.Integer(0)
  Integer getRunSeconds();

  void setRunSeconds(Integer value);
}
