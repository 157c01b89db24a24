package org.moviestream.bench;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.StructType;
import org.moviestream.cassandra.Tables;
import org.moviestream.catalog.Catalog;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.catalog.CatalogReader;
import org.moviestream.contract.Defaults;
import org.moviestream.contract.InvalidRatingException;
import org.moviestream.contract.JobStatus;
import org.moviestream.contract.RatingMessage;
import org.moviestream.contract.SourceKey;

/**
 * The native peer of the Beam pipeline, for the benchmark: the same job (Kafka -> JSON -> catalog
 * join -> Cassandra, same deterministic row ids) written directly with Spark Structured Streaming,
 * {@code foreachBatch} and the Spark Cassandra Connector.
 *
 * <p>Arguments: bootstrapServers topic keyspace catalog checkpointDir [triggerSeconds]. Prints a
 * {@link JobStatus} line when the query starts and after each micro-batch (written: cumulative
 * input rows of finished micro-batches).
 */
public final class NativeRatingsJob {

  private NativeRatingsJob() {}

  public static void main(String[] args) throws Exception {
    String bootstrapServers = args[0];
    String topic = args[1];
    String keyspace = args[2];
    String catalogPath = args[3];
    String checkpointDir = args[4];
    int triggerSeconds = args.length > 5 ? Integer.parseInt(args[5]) : 0;

    SparkSession spark =
        SparkSession.builder()
            .appName("native-ratings")
            .master("local[2]")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.ui.enabled", "false")
            .config("spark.cassandra.connection.host", Defaults.CASSANDRA_HOST)
            .config("spark.cassandra.output.concurrent.writes", "32")
            .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");

    // The pipeline's own parsing rules (RatingMessage.parse), so that both jobs accept and reject
    // the same messages; an invalid message gives null and is left out, as the pipeline
    // dead-letters it.
    spark
        .udf()
        .register(
            "parse_rating",
            (UDF4<String, String, Integer, Long, Row>) NativeRatingsJob::parseRating,
            PARSED);

    Dataset<Row> ratings =
        spark
            .readStream()
            .format("kafka")
            .option("kafka.bootstrap.servers", bootstrapServers)
            .option("subscribe", topic)
            .option("startingOffsets", "earliest")
            .load()
            .select(
                callUDF(
                        "parse_rating",
                        col("value").cast("string"),
                        col("topic"),
                        col("partition"),
                        col("offset"))
                    .as("r"))
            .where("r IS NOT NULL")
            .select("r.*");

    Dataset<Row> enriched =
        ratings
            .join(broadcast(catalog(spark, Path.of(catalogPath))), "key")
            .select(
                "name",
                "timestamp",
                "id",
                "show_id",
                "movie",
                "rating_movie",
                "duration",
                "seasons",
                "release_year",
                "director",
                "country",
                "type",
                "content_rating");

    AtomicLong written = new AtomicLong();
    spark
        .streams()
        .addListener(
            new StreamingQueryListener() {
              @Override
              public void onQueryStarted(QueryStartedEvent event) {
                System.out.println(JobStatus.written(0).toLine());
              }

              @Override
              public void onQueryProgress(QueryProgressEvent event) {
                System.out.println(
                    JobStatus.written(written.addAndGet(event.progress().numInputRows())).toLine());
              }

              @Override
              public void onQueryTerminated(QueryTerminatedEvent event) {}
            });

    VoidFunction2<Dataset<Row>, Long> writeBatch =
        (batch, batchId) ->
            batch
                .write()
                .format("org.apache.spark.sql.cassandra")
                .option("keyspace", keyspace)
                .option("table", Tables.MOVIE_RATINGS)
                .mode("append")
                .save();
    StreamingQuery query =
        enriched
            .writeStream()
            .option("checkpointLocation", checkpointDir)
            .trigger(
                triggerSeconds > 0
                    ? Trigger.ProcessingTime(triggerSeconds * 1000L)
                    : Trigger.ProcessingTime(0))
            .foreachBatch(writeBatch)
            .start();
    query.awaitTermination();
  }

  private static final StructType PARSED =
      StructType.fromDDL(
          "name STRING, rated_title STRING, rating_movie INT, timestamp TIMESTAMP, id STRING, key STRING");

  private static Row parseRating(String payload, String topic, int partition, long offset) {
    try {
      RatingMessage rating = RatingMessage.parse(payload, ZoneOffset.UTC);
      return RowFactory.create(
          rating.name(),
          rating.movie(),
          rating.rating(),
          Timestamp.from(rating.timestamp()),
          new SourceKey(topic, partition, offset).rowId().toString(),
          CatalogEntry.key(rating.movie()));
    } catch (InvalidRatingException e) {
      return null;
    }
  }

  private static Dataset<Row> catalog(SparkSession spark, Path path) {
    Catalog catalog = CatalogReader.read(path);
    List<Row> rows = new ArrayList<>();
    for (CatalogEntry entry : catalog.byTitle().values()) {
      rows.add(
          RowFactory.create(
              entry.key(),
              entry.showId(),
              entry.title(),
              entry.durationMinutes(),
              entry.seasons(),
              entry.releaseYear(),
              entry.director(),
              entry.country(),
              entry.type(),
              entry.contentRating()));
    }
    StructType schema =
        StructType.fromDDL(
            "key STRING, show_id STRING, movie STRING, duration INT, seasons INT,"
                + " release_year INT, director STRING, country STRING, type STRING, content_rating STRING");
    return spark.createDataFrame(rows, schema);
  }
}
