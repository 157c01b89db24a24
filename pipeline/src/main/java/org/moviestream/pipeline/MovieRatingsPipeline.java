package org.moviestream.pipeline;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.beam.runners.spark.SparkContextOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.cli.Exit;
import org.moviestream.cli.Version;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.pipeline.cassandra.CassandraTarget;
import org.moviestream.pipeline.cassandra.RowsWritten;
import org.moviestream.pipeline.cassandra.WindowRecount;
import org.moviestream.pipeline.cassandra.WriteRatings;
import org.moviestream.pipeline.cassandra.WriteTrendingTitles;
import org.moviestream.pipeline.cassandra.WriteWindowStats;
import org.moviestream.pipeline.cassandraio.WriteRatingsWithCassandraIO;
import org.moviestream.pipeline.durability.CommitOffsets;
import org.moviestream.pipeline.durability.Committer;
import org.moviestream.pipeline.durability.Counted;
import org.moviestream.pipeline.durability.KafkaLogStart;
import org.moviestream.pipeline.durability.ResumePoint;
import org.moviestream.pipeline.durability.TrackSettledOffsets;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.failures.WriteDeadLetters;
import org.moviestream.pipeline.ingest.EnrichWithCatalog;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.ingest.LoadCatalog;
import org.moviestream.pipeline.ingest.ParseRatings;
import org.moviestream.pipeline.ingest.ReadRatings;
import org.moviestream.pipeline.ingest.SpreadOverTasks;
import org.moviestream.pipeline.metrics.MetricsEndpoint;
import org.moviestream.pipeline.options.CassandraWriter;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;
import org.moviestream.pipeline.run.ExecutorLoss;
import org.moviestream.pipeline.run.RunCheckpoint;
import org.moviestream.pipeline.run.RunMonitor;
import org.moviestream.pipeline.run.ServiceChecks;
import org.moviestream.pipeline.windows.RatingWindows;
import org.moviestream.pipeline.windows.TrendingTitles;
import org.moviestream.pipeline.windows.TrendingWindow;
import org.moviestream.pipeline.windows.WindowAcks;
import org.moviestream.pipeline.windows.WindowPane;
import org.moviestream.pipeline.windows.WindowPerPerson;

/**
 * The movie-ratings pipeline:
 *
 * <pre>
 *   Kafka movies_ratings -> ReadRatings (one split) -> SpreadOverTasks (N tasks) -> ParseRatings -> EnrichWithCatalog (catalog side input)
 *     -> WriteRatings (Cassandra netflix.movie_ratings) -> WriteDeadLetters (Kafka movies_ratings_dlq): settled
 *   settled -> RowsWritten: rows
 *   rows -> WindowPerPerson (30 s) -> WriteWindowStats (figures read back from the rows) -> netflix.ratings_per_window
 *   rows -> TrendingTitles (30 s, count per title, Top.of) -> WriteTrendingTitles -> netflix.trending_titles
 *   settled rows and dead letters, window rows and rankings -> TrackSettledOffsets -> CommitOffsets -> the consumer group
 *     (a rating too late for any pane of its window has its person's window row counted again first)
 * </pre>
 *
 * Each step passes on an {@link Outcome} per message: its value so far, or the dead letter it
 * became.
 *
 * <p>A run resumes at the consumer group's committed offsets, and an offset is committed only when
 * its message and every one before it in its partition are durable: whatever stops the job, a
 * restart loses nothing and rewrites at most what was not yet committed (rows are upserts by a row
 * id derived from the source offset).
 */
public final class MovieRatingsPipeline {

  private static final String SPARK_PARALLELISM = "spark.default.parallelism";
  private static final String SPARK_LISTENERS = "spark.extraListeners";
  private static final String SPARK_UI = "spark.ui.enabled";
  private static final String SPARK_EXECUTOR_JVM = "spark.executor.extraJavaOptions";
  private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
  private static final String SPARK_CLEAN_CHECKPOINTS =
      "spark.cleaner.referenceTracking.cleanCheckpoints";

  private MovieRatingsPipeline() {}

  /**
   * Exit codes ({@link Exit}): 2 for a usage or setup error (bad option, missing topic or table), 1
   * when the job fails, 0 when stopped.
   */
  public static void main(String[] args) {
    if (java.util.List.of(args).contains("--version")) {
      System.out.println(Version.of(MovieRatingsPipeline.class));
      return;
    }
    MovieRatingsOptions options;
    Map<String, Long> resumedAt;
    try {
      options = OptionsParser.parse(args);
      configureSpark(options);
      ServiceChecks.require(options);
      resumedAt = ResumePoint.establish(options, committer(options));
      claimCheckpoint(options);
    } catch (IllegalArgumentException | IllegalStateException e) {
      System.err.println("movie-ratings-pipeline: " + e.getMessage());
      System.exit(Exit.codeFor(e));
      return;
    }
    if (System.getenv("SPARK_LOCAL_IP") == null && "false".equals(System.getProperty(SPARK_UI))) {
      System.err.println(
          "Spark UI: off, since it would listen on every address; SPARK_LOCAL_IP=127.0.0.1 (as"
              + " bin/up sets it) turns it on, on that address");
    }
    MetricsEndpoint metrics =
        MetricsEndpoint.start(options.getMetricsAddress(), options.getMetricsPort());
    if (metrics != null) {
      options.as(SparkContextOptions.class).setListeners(List.of(metrics.batchListener()));
    }
    PipelineResult result;
    try {
      result = build(Pipeline.create(options), options, resumedAt).run();
    } catch (RuntimeException e) {
      System.err.println("movie-ratings-pipeline: the job could not start: " + e.getMessage());
      Runtime.getRuntime().halt(Exit.FAILED);
      return;
    }
    new RunMonitor(result, options, resumedAt.size(), metrics).watch(); // ends the JVM
  }

  /**
   * Spark settings that have no pipeline option (the SparkRunner builds its SparkConf from the
   * {@code spark.*} system properties); each applies only where the user or spark-submit set none.
   */
  public static void configureSpark(MovieRatingsOptions options) {
    if (options.getSparkMaster().startsWith("local") && System.getenv("SPARK_LOCAL_IP") == null) {
      // A local job talks to itself only: keep Spark's driver on loopback, not the host's public
      // address.
      System.setProperty("spark.driver.host", "127.0.0.1");
      System.setProperty("spark.driver.bindAddress", "127.0.0.1");
    }
    if (System.getenv("SPARK_LOCAL_IP") == null && System.getProperty(SPARK_UI) == null) {
      // Spark's UI listens on every address unless SPARK_LOCAL_IP names one (no setting does).
      System.setProperty(SPARK_UI, "false");
    }
    // The read is one source split whatever the parallelism (GrowingTopicSource); Spark's default
    // parallelism sizes what comes after it (SpreadOverTasks and every grouping).
    if (options.getTasks() > 0 && System.getProperty(SPARK_PARALLELISM) == null) {
      System.setProperty(SPARK_PARALLELISM, Integer.toString(options.getTasks()));
    }
    // An executor out of memory ends at once, non-zero, rather than limp on (the driver's JVM is
    // started so wherever the project starts it; a local job's tasks run in it).
    String executorJvm = System.getProperty(SPARK_EXECUTOR_JVM, "");
    if (!executorJvm.contains(EXIT_ON_OOM)) {
      System.setProperty(SPARK_EXECUTOR_JVM, (executorJvm + " " + EXIT_ON_OOM).strip());
    }
    // A lost executor ends the job (see ExecutorLoss), whatever other listeners the user set.
    String listeners = System.getProperty(SPARK_LISTENERS, "");
    if (!listeners.contains(ExecutorLoss.class.getName())) {
      System.setProperty(
          SPARK_LISTENERS,
          (listeners.isBlank() ? "" : listeners + ",") + ExecutorLoss.class.getName());
    }
    // The state checkpoints of a long run would pile up: Spark keeps every RDD checkpoint file
    // unless told to remove those of RDDs it no longer references.
    if (System.getProperty(SPARK_CLEAN_CHECKPOINTS) == null) {
      System.setProperty(SPARK_CLEAN_CHECKPOINTS, "true");
    }
  }

  /**
   * How many tasks the work after the read runs in: --tasks, else spark.default.parallelism, else N
   * for local[N] (local[*]: this machine's cores), 0 for a cluster (its width, known to Spark only
   * once its executors are up).
   */
  public static int tasks(MovieRatingsOptions options) {
    if (options.getTasks() > 0) {
      return options.getTasks();
    }
    String parallelism = System.getProperty(SPARK_PARALLELISM);
    if (parallelism != null) {
      return Integer.parseInt(parallelism.strip());
    }
    java.util.regex.Matcher local =
        java.util.regex.Pattern.compile("local(?:\\[(\\*|\\d+)(?:,\\d+)?\\])?")
            .matcher(options.getSparkMaster().strip());
    if (!local.matches()) {
      return 0;
    }
    if (local.group(1) == null) {
      return 1;
    }
    return local.group(1).equals("*")
        ? Runtime.getRuntime().availableProcessors()
        : Integer.parseInt(local.group(1));
  }

  /**
   * Points the run at a new checkpoint directory of its own under --checkpointDir: Spark restores a
   * streaming job from a checkpoint directory it finds, with the old run's options, source
   * positions and state, silently. A restart resumes from the consumer group's committed offsets,
   * never from Spark's checkpoint. Called once the setup checks pass, so a refused start leaves
   * none.
   */
  public static void claimCheckpoint(MovieRatingsOptions options) {
    options.setCheckpointDir(RunCheckpoint.claim(options.getCheckpointDir(), options.getJobName()));
  }

  /** This run as the consumer group's commits name it: its job name and where its rows go. */
  public static Committer committer(MovieRatingsOptions options) {
    return new Committer(options.getJobName(), CassandraTarget.from(options).describe());
  }

  /**
   * Adds every step to {@code pipeline}, resuming at {@code resumedAt} ("topic/partition" ->
   * offset); the body is the diagram above.
   */
  public static Pipeline build(
      Pipeline pipeline, MovieRatingsOptions options, Map<String, Long> resumedAt) {
    CassandraTarget cassandra = CassandraTarget.from(options);
    KafkaSettings kafka = OptionsParser.kafka(options);
    RatingWindows windows =
        RatingWindows.of(options.getWindowSeconds(), options.getAllowedLatenessSeconds());

    PCollectionView<Map<String, CatalogEntry>> catalog =
        pipeline.apply("LoadCatalog", LoadCatalog.from(options.getCatalog()));

    PCollection<Outcome<EnrichedRating>> settled =
        pipeline
            .apply(
                "ReadRatings",
                ReadRatings.from(kafka, options.getTopic())
                    .inGroup(options.getConsumerGroup())
                    .withEventTime(
                        ZoneId.of(options.getInputZone()),
                        options.getWatermarkDelaySeconds(),
                        options.getMaxClockSkewSeconds()))
            .apply("SpreadOverTasks", SpreadOverTasks.over(tasks(options)))
            .apply(
                "ParseRatings",
                new ParseRatings(
                    ZoneId.of(options.getInputZone()),
                    Duration.ofSeconds(options.getMaxClockSkewSeconds())))
            .apply("EnrichWithCatalog", new EnrichWithCatalog(catalog))
            .apply(
                "WriteRatings",
                cassandra.writer() == CassandraWriter.CASSANDRA_IO
                    ? new WriteRatingsWithCassandraIO(cassandra)
                    : new WriteRatings(cassandra))
            .apply("WriteDeadLetters", new WriteDeadLetters<>(kafka, options.getDeadLetterTopic()))
            // Three groupings read the settled outcomes. Their stages start side by side, and on
            // two executors each computed (and wrote) the same batch: 1.3-1.8x the rows written.
            // Behind one shuffle the writes are one stage, run once.
            .apply("HandOnSettled", SpreadOverTasks.over(tasks(options)));

    PCollection<EnrichedRating> rows = settled.apply("RowsWritten", new RowsWritten());

    PCollection<Counted<WindowPane>> windowsWritten =
        rows.apply("WindowPerPerson", WindowPerPerson.of(windows))
            .apply("WriteWindowStats", new WriteWindowStats(cassandra));

    PCollection<Counted<TrendingWindow>> rankingsWritten =
        rows.apply("TrendingTitles", TrendingTitles.of(windows, options.getTrendingTitles()))
            .apply("WriteTrendingTitles", new WriteTrendingTitles(cassandra));

    WindowAcks.of(settled, windowsWritten, rankingsWritten, windows)
        .apply(
            "TrackSettledOffsets",
            TrackSettledOffsets.from(
                resumedAt,
                windows,
                new WindowRecount(cassandra),
                WindowAcks.EVERYONE,
                new KafkaLogStart(kafka)))
        .apply(
            "CommitOffsets",
            new CommitOffsets(kafka, options.getConsumerGroup(), committer(options)));

    return pipeline;
  }
}
