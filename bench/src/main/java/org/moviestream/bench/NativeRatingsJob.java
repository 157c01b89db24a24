package org.moviestream.bench;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.callUDF;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryListener;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.moviestream.catalog.Catalog;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.catalog.CatalogReader;

/**
 * The native peer of the Beam pipeline, for the benchmark: the same job (Kafka -> JSON -> catalog
 * join -> Cassandra, same deterministic row ids) written directly with Spark Structured Streaming,
 * {@code foreachBatch} and the Spark Cassandra Connector.
 *
 * <p>Arguments: bootstrapServers topic keyspace catalog checkpointDir [triggerSeconds]. Prints
 * "written N" (cumulative input rows of finished micro-batches) after each batch.
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

    SparkSession spark = SparkSession.builder()
        .appName("native-ratings")
        .master("local[2]")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.ui.enabled", "false")
        .config("spark.cassandra.connection.host", "127.0.0.1")
        .config("spark.cassandra.output.concurrent.writes", "32")
        .getOrCreate();
    spark.sparkContext().setLogLevel("WARN");

    spark.udf().register("row_id", (UDF3<String, Integer, Long, String>) (t, p, o) ->
        UUID.nameUUIDFromBytes((t + "/" + p + "/" + o).getBytes(StandardCharsets.UTF_8)).toString(), DataTypes.StringType);

    StructType message = new StructType()
        .add("name", DataTypes.StringType)
        .add("movie", DataTypes.StringType)
        .add("rating", DataTypes.IntegerType)
        .add("timestamp", DataTypes.StringType);

    Dataset<Row> ratings = spark.readStream().format("kafka")
        .option("kafka.bootstrap.servers", bootstrapServers)
        .option("subscribe", topic)
        .option("startingOffsets", "earliest")
        .load()
        .select(from_json(col("value").cast("string"), message).as("r"), col("topic"), col("partition"), col("offset"))
        .select(
            col("r.name").as("name"),
            col("r.movie").as("rated_title"),
            col("r.rating").as("rating_movie"),
            to_timestamp(col("r.timestamp")).as("timestamp"),
            callUDF("row_id", col("topic"), col("partition"), col("offset")).as("id"))
        .where("name IS NOT NULL AND rated_title IS NOT NULL AND timestamp IS NOT NULL AND rating_movie BETWEEN 1 AND 10")
        .withColumn("key", lower(trim(col("rated_title"))));

    Dataset<Row> enriched = ratings.join(broadcast(catalog(spark, Path.of(catalogPath))), "key")
        .select("name", "timestamp", "id", "show_id", "movie", "rating_movie", "duration", "seasons", "release_year",
            "director", "country", "type", "content_rating");

    AtomicLong written = new AtomicLong();
    spark.streams().addListener(new StreamingQueryListener() {
      @Override
      public void onQueryStarted(QueryStartedEvent event) {
        System.out.println("ready");
      }

      @Override
      public void onQueryProgress(QueryProgressEvent event) {
        System.out.println("written " + written.addAndGet(event.progress().numInputRows()));
      }

      @Override
      public void onQueryTerminated(QueryTerminatedEvent event) {}
    });

    VoidFunction2<Dataset<Row>, Long> writeBatch = (batch, batchId) -> batch.write()
        .format("org.apache.spark.sql.cassandra")
        .option("keyspace", keyspace)
        .option("table", "movie_ratings")
        .mode("append")
        .save();
    StreamingQuery query = enriched.writeStream()
        .option("checkpointLocation", checkpointDir)
        .trigger(triggerSeconds > 0 ? Trigger.ProcessingTime(triggerSeconds * 1000L) : Trigger.ProcessingTime(0))
        .foreachBatch(writeBatch)
        .start();
    query.awaitTermination();
  }

  private static Dataset<Row> catalog(SparkSession spark, Path path) {
    Catalog catalog = CatalogReader.read(path);
    List<Row> rows = new ArrayList<>();
    for (CatalogEntry entry : catalog.byTitle().values()) {
      rows.add(RowFactory.create(entry.key(), entry.showId(), entry.title(), entry.durationMinutes(), entry.seasons(),
          entry.releaseYear(), entry.director(), entry.country(), entry.type(), entry.contentRating()));
    }
    StructType schema = new StructType()
        .add("key", DataTypes.StringType)
        .add("show_id", DataTypes.StringType)
        .add("movie", DataTypes.StringType)
        .add("duration", DataTypes.IntegerType)
        .add("seasons", DataTypes.IntegerType)
        .add("release_year", DataTypes.IntegerType)
        .add("director", DataTypes.StringType)
        .add("country", DataTypes.StringType)
        .add("type", DataTypes.StringType)
        .add("content_rating", DataTypes.StringType);
    return spark.createDataFrame(rows, schema);
  }
}
