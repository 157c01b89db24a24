package org.moviestream.pipeline.options;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.moviestream.cassandra.Tables;
import org.moviestream.cassandra.WriteConsistency;
import org.moviestream.contract.Defaults;

/** Where the rows go and how they are written. */
public interface CassandraWriteOptions extends PipelineOptions {

  @Description("Cassandra contact points, comma-separated")
  @Default.String(Defaults.CASSANDRA_HOST)
  String getCassandraHosts();

  void setCassandraHosts(String value);

  @Description(
      "How many replicas acknowledge each write before its offset may commit (LOCAL_QUORUM: two of three"
          + " with replication factor 3, so one node may be down); window figures are read back at the level"
          + " that sees every acknowledged row (LOCAL_QUORUM again, ALL after ONE writes)")
  @Default.Enum("LOCAL_QUORUM")
  WriteConsistency getCassandraConsistency();

  void setCassandraConsistency(WriteConsistency value);

  @Description("Cassandra native-protocol port")
  @Default.Integer(Defaults.CASSANDRA_PORT)
  Integer getCassandraPort();

  void setCassandraPort(Integer value);

  @Description(
      "Cassandra Java driver configuration file (application.conf: login, TLS truststore, local"
          + " datacenter, timeouts); read once by the driver")
  String getCassandraConfig();

  void setCassandraConfig(String value);

  @Description(
      "Cassandra keyspace holding "
          + Tables.MOVIE_RATINGS
          + ", "
          + Tables.RATINGS_PER_WINDOW
          + " and "
          + Tables.TRENDING_TITLES)
  @Default.String(Defaults.KEYSPACE)
  String getKeyspace();

  void setKeyspace(String value);

  @Description(
      "How rows are written: SHARED_SESSION (a DoFn on one session per JVM that reports each acknowledged"
          + " row, so offsets are committed only once their rows are durable) or CASSANDRA_IO (Beam's CassandraIO.write(),"
          + " which opens and closes a Cluster for every partition of every micro-batch and reports nothing back: offsets"
          + " are then committed when rows are handed over, so a crash can lose rows; for comparison only)")
  @Default.Enum("SHARED_SESSION")
  CassandraWriter getCassandraWriter();

  void setCassandraWriter(CassandraWriter value);

  @Description(
      "How often a statement Cassandra refuses (a value the table rejects) is tried before its rating"
          + " becomes a WRITE_FAILED dead letter; statements failing because Cassandra is away are retried until it is back")
  @Default.Integer(3)
  Integer getCassandraWriteAttempts();

  void setCassandraWriteAttempts(Integer value);

  @Description(
      "Longest wait between two retries while Cassandra is away, in seconds (the backoff starts at 0.2 s)")
  @Default.Integer(5)
  Integer getCassandraMaxBackoffSeconds();

  void setCassandraMaxBackoffSeconds(Integer value);

  @Description(
      "Most rows of one person sent as one unlogged batch (SHARED_SESSION): Cassandra applies a batch of one"
          + " partition as a single mutation, one commit-log write instead of one per row; 1 sends every row alone")
  @Default.Integer(Defaults.CASSANDRA_BATCH_ROWS)
  Integer getCassandraBatchRows();

  void setCassandraBatchRows(Integer value);

  @Description(
      "Most asynchronous Cassandra requests (rows or batches) in flight per writer (SHARED_SESSION)")
  @Default.Integer(256)
  Integer getCassandraMaxInFlight();

  void setCassandraMaxInFlight(Integer value);
}
