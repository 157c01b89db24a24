package org.moviestream.pipeline.options;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;
import org.apache.beam.runners.spark.SparkRunner;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.options.PipelineOptionsValidator;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.kafka.KafkaSettings;

/**
 * Command line -> validated {@link MovieRatingsOptions}. Unless told otherwise, the job runs on the
 * SparkRunner in streaming mode on {@code local[2]} (the size of the machines it is built for), in
 * 1-second micro-batches half of which may be spent reading.
 */
public final class OptionsParser {

  private static final Set<String> STARTING_OFFSETS = Set.of("latest", "earliest");

  /** The micro-batch interval and the share of it spent reading, unless told otherwise. */
  static final long DEFAULT_BATCH_INTERVAL_MILLIS = 1000;

  static final double DEFAULT_READ_TIME_SHARE = 0.5;

  private OptionsParser() {}

  public static MovieRatingsOptions parse(String... args) {
    PipelineOptionsFactory.register(MovieRatingsOptions.class);
    MovieRatingsOptions options =
        PipelineOptionsFactory.fromArgs(args).as(MovieRatingsOptions.class);
    if (!given(args, "runner")) {
      options.setRunner(SparkRunner.class);
    }
    if (!given(args, "streaming")) {
      options.setStreaming(true);
    }
    if (!given(args, "sparkMaster")) {
      // Under spark-submit, its --master (the system property spark.master) decides.
      options.setSparkMaster(System.getProperty("spark.master", "local[2]"));
    }
    if (!given(args, "batchIntervalMillis")) {
      // Spark's 500 ms spends most of each micro-batch on fixed per-batch work (bench/results).
      options.setBatchIntervalMillis(DEFAULT_BATCH_INTERVAL_MILLIS);
    }
    if (!given(args, "readTimePercentage")) {
      options.setReadTimePercentage(DEFAULT_READ_TIME_SHARE);
    }
    if (!given(args, "checkpointDir")) {
      // Beam's default is /tmp/<jobName>, readable by every local user.
      options.setCheckpointDir(defaultCheckpointBase());
    }
    if (!given(args, "appName")) {
      options.setAppName("movie-ratings-pipeline");
    }
    PipelineOptionsValidator.validate(MovieRatingsOptions.class, options);
    validate(options);
    return options;
  }

  /**
   * Where runs keep their Spark checkpoints unless --checkpointDir says otherwise: the user's own
   * folder, not /tmp, which every local user may read.
   */
  public static String defaultCheckpointBase() {
    return java.nio.file.Path.of(System.getProperty("user.home"), ".movie-stream", "runs")
        .toString();
  }

  /** The brokers and the client settings of --kafkaConfig, read once here, in the driver. */
  public static KafkaSettings kafka(KafkaReadOptions options) {
    return KafkaSettings.load(options.getBootstrapServers(), options.getKafkaConfig());
  }

  /** Clear one-line errors for values that would otherwise fail deep inside the job. */
  static void validate(MovieRatingsOptions options) {
    kafka(options);
    require(
        STARTING_OFFSETS.contains(options.getStartingOffsets()),
        "--startingOffsets must be latest or earliest, was '" + options.getStartingOffsets() + "'");
    require(
        options.getWindowSeconds() > 0,
        "--windowSeconds must be positive, was " + options.getWindowSeconds());
    require(
        options.getAllowedLatenessSeconds() >= 0, "--allowedLatenessSeconds must not be negative");
    require(
        options.getWatermarkDelaySeconds() >= 0, "--watermarkDelaySeconds must not be negative");
    require(options.getMaxClockSkewSeconds() >= 0, "--maxClockSkewSeconds must not be negative");
    require(options.getStuckAfterSeconds() > 0, "--stuckAfterSeconds must be positive");
    require(options.getProgressSeconds() >= 0, "--progressSeconds must not be negative");
    require(options.getRunSeconds() >= 0, "--runSeconds must not be negative");
    require(!options.getCassandraHosts().isBlank(), "--cassandraHosts must name at least one host");
    require(options.getCassandraMaxInFlight() > 0, "--cassandraMaxInFlight must be positive");
    require(options.getCassandraBatchRows() > 0, "--cassandraBatchRows must be positive");
    require(options.getCassandraWriteAttempts() > 0, "--cassandraWriteAttempts must be positive");
    require(
        options.getCassandraMaxBackoffSeconds() > 0,
        "--cassandraMaxBackoffSeconds must be positive");
    CassandraSettings cassandra =
        CassandraSettings.load(
            options.getCassandraHosts(), options.getCassandraPort(), options.getCassandraConfig());
    // CassandraIO takes TLS as a driver object it cannot ship to Spark's executors.
    require(
        options.getCassandraWriter() != CassandraWriter.CASSANDRA_IO
            || cassandra.truststorePath() == null,
        "--cassandraWriter=CASSANDRA_IO cannot use the TLS settings of "
            + cassandra.describeSource()
            + ": use the default writer");
    try {
      ZoneId.of(options.getInputZone());
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "--inputZone '"
              + options.getInputZone()
              + "' is not a time zone (e.g. UTC, Europe/Athens)");
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static boolean given(String[] args, String option) {
    return Arrays.stream(args)
        .anyMatch(arg -> arg.equals("--" + option) || arg.startsWith("--" + option + "="));
  }
}
