package org.moviestream.pipeline;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.beam.runners.spark.io.MicrobatchSource;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.moviestream.cassandra.CqlScript;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.pipeline.durability.ResumePoint;
import org.moviestream.pipeline.options.MovieRatingsOptions;
import org.moviestream.pipeline.options.OptionsParser;
import org.moviestream.producer.RatingsProducer;
import org.moviestream.testing.PipelineArgs;
import org.moviestream.testing.Project;
import org.moviestream.testing.StackResources;

/**
 * End to end on the real stack: the producer's ratings plus bad messages in Kafka, the pipeline on
 * the SparkRunner (local[2], streaming), then Cassandra and the dead-letter topic are checked; a
 * second run over the same offsets adds no rows. Uses its own topics and keyspace.
 */
public class MovieRatingsPipelineIT {

  private static final Path ROOT = Project.root();
  private static final int PRODUCED = 200;
  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private static final String RUN = StackResources.uniqueName("it");
  private static final String TOPIC = RUN + "_ratings";
  private static final String DLQ = RUN + "_ratings_dlq";
  private static final String KEYSPACE = RUN + "_netflix";
  private static final String OWNER = "IT Owner " + RUN;

  /**
   * The owner's ratings from March 2025: what the two queries of cassandra/queries.cql ask about.
   */
  private static final List<String> OWNER_2025 =
      List.of(
          rating(OWNER, "Roma", 8, "2025-03-13T19:10:00Z"),
          rating(OWNER, "Okja", 6, "2025-03-13T19:40:00.250Z"),
          rating(OWNER, "Dark", 9, "2025-03-13T20:10:00"));

  private static final List<String> BAD =
      List.of(
          "{this is not json",
          "{\"name\":\"Ann\",\"rating\":5,\"timestamp\":\"2025-03-13T19:26:50Z\"}",
          rating("Ann", "Roma", 11, "2025-03-13T19:26:50Z"),
          rating("Ann", "Roma", 5, "the day before yesterday"),
          rating("Ann", "A Title Nobody Has", 5, "2025-03-13T19:26:50Z"),
          // Valid JSON, but Cassandra refuses a partition key over 64 KiB: a WRITE_FAILED dead
          // letter.
          rating("A".repeat(70_000), "Roma", 5, "2025-03-13T19:26:50Z"));
  private static final int VALID = PRODUCED + OWNER_2025.size();

  private static StackResources stack;

  @BeforeClass
  public static void createTopicsKeyspaceAndMessages() throws Exception {
    stack = StackResources.onLocalStack();
    stack.createTopics(3, TOPIC);
    stack.createTopics(1, DLQ);
    stack.createKeyspace(KEYSPACE);

    int exit =
        RatingsProducer.run(
            "--count",
            String.valueOf(PRODUCED),
            "--topic",
            TOPIC,
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--me",
            OWNER,
            "--seed",
            "5",
            "--catalog",
            ROOT.resolve("data/netflix.csv").toString());
    assertEquals(0, exit);
    try (KafkaProducer<String, String> producer = stack.producer()) {
      for (String payload : OWNER_2025) {
        producer.send(new ProducerRecord<>(TOPIC, OWNER, payload)).get();
      }
      for (String payload : BAD) {
        producer.send(new ProducerRecord<>(TOPIC, "bad", payload)).get();
      }
    }
  }

  @AfterClass
  public static void dropKeyspaceAndTopics() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  public void everyValidRatingLandsOnceAndEveryBadOneIsADeadLetterEvenOnReplay() throws Exception {
    CqlSession session = stack.session();

    PipelineResult first = start("it-first-" + RUN);
    try {
      awaitTrue("the first run commits every offset", () -> committedAll("it-first-" + RUN));
      awaitTrue("all valid ratings are rows", () -> rowCount(session) >= VALID);
      awaitTrue(
          "every producer rating is in a closed window",
          () -> windowedRatings(session, OWNER_2025.size()) >= PRODUCED);
      Thread.sleep(5_000);
    } finally {
      stop(first);
    }

    assertEquals("rows after the first run", VALID, rowCount(session));
    assertDeadLetters();
    assertWindowsMatchRows(session);
    assertTrendingTitlesMatchRows(session);
    assertQueriesAnswerForTheOwner(session);

    PipelineResult replay = start("it-replay-" + RUN);
    try {
      awaitTrue("the replay commits every offset", () -> committedAll("it-replay-" + RUN));
      Thread.sleep(5_000);
    } finally {
      stop(replay);
    }
    assertEquals("rows after replaying the same offsets", VALID, rowCount(session));
  }

  @Test
  public void beamsCassandraIoWriterStaysAvailable() throws Exception {
    // Valid ratings only, on a topic of their own: CassandraIO cannot make a row that Cassandra
    // refuses (BAD holds a 70,000-character name) a dead letter, so the job would fail on it.
    String topic = TOPIC + "_io";
    stack.createTopics(3, topic);
    int valid = 120;
    assertEquals(
        0,
        RatingsProducer.run(
            "--count",
            String.valueOf(valid),
            "--topic",
            topic,
            "--bootstrap-servers",
            stack.bootstrapServers(),
            "--seed",
            "11",
            "--catalog",
            ROOT.resolve("data/netflix.csv").toString()));
    String keyspace = stack.createKeyspace(KEYSPACE + "_io");
    String group = "it-cassandraio-" + RUN;
    PipelineResult run = start(group, topic, keyspace, "--cassandraWriter=CASSANDRA_IO");
    try {
      awaitTrue("the CassandraIO run commits every offset", () -> committedAll(group, topic));
    } finally {
      stop(run);
    }
    long rows =
        stack
            .session()
            .execute("SELECT COUNT(*) FROM " + keyspace + ".movie_ratings")
            .one()
            .getLong(0);
    assertEquals("rows written by CassandraIO.write()", valid, rows);
  }

  /** Cancels the job and closes its cached Kafka readers, which a cancel alone leaves polling. */
  private static void stop(PipelineResult result) throws IOException {
    result.cancel();
    MicrobatchSource.clearCache();
  }

  private static PipelineResult start(String consumerGroup) {
    return start(consumerGroup, TOPIC, KEYSPACE);
  }

  private static PipelineResult start(
      String consumerGroup, String topic, String keyspace, String... more) {
    List<String> args =
        PipelineArgs.on(stack.bootstrapServers())
            .topic(topic)
            .deadLetterTopic(DLQ)
            .keyspace(keyspace)
            .consumerGroup(consumerGroup)
            .set("runner", "SparkRunner")
            .set("sparkMaster", "local[2]")
            .set("streaming", true)
            .set("batchIntervalMillis", 1000)
            .set("checkpointDir", ROOT.resolve("pipeline/target/it-checkpoint-" + consumerGroup))
            .with(List.of(more))
            .list();
    MovieRatingsOptions options = OptionsParser.parse(args.toArray(String[]::new));
    MovieRatingsPipeline.configureSpark(options);
    Map<String, Long> resumedAt =
        ResumePoint.establish(options, MovieRatingsPipeline.committer(options));
    MovieRatingsPipeline.claimCheckpoint(options);
    return MovieRatingsPipeline.build(Pipeline.create(options), options, resumedAt).run();
  }

  private static void assertDeadLetters() {
    List<DeadLetterRecord> deadLetters =
        stack.readTopic(DLQ, BAD.size(), Duration.ofSeconds(30)).stream()
            .map(record -> DeadLetterRecord.fromJson(record.value()))
            .toList();
    Set<String> reasons = new HashSet<>();
    Set<String> payloads = new HashSet<>();
    for (DeadLetterRecord deadLetter : deadLetters) {
      reasons.add(deadLetter.reason().name());
      payloads.add(deadLetter.payload());
      assertEquals(TOPIC, deadLetter.source().topic());
      assertTrue(deadLetter.detail().length() > 0);
    }
    assertEquals(BAD.size(), deadLetters.size());
    assertEquals(
        Set.of(
            "MALFORMED_JSON",
            "MISSING_FIELD",
            "RATING_OUT_OF_RANGE",
            "BAD_TIMESTAMP",
            "UNKNOWN_TITLE",
            "WRITE_FAILED"),
        reasons);
    assertTrue(payloads.contains("{this is not json"));
  }

  /** Every per-window row counts exactly the person's rows whose timestamps fall in that window. */
  private static void assertWindowsMatchRows(CqlSession session) {
    List<Row> windows = session.execute("SELECT * FROM " + KEYSPACE + ".ratings_per_window").all();
    assertTrue(windows.size() > 0);
    for (Row window : windows) {
      List<Row> rows =
          session
              .execute(
                  "SELECT rating_movie FROM "
                      + KEYSPACE
                      + ".movie_ratings WHERE name = ? AND timestamp >= ? AND timestamp < ?",
                  window.getString("name"),
                  window.getInstant("window_start"),
                  window.getInstant("window_end"))
              .all();
      assertEquals(
          "ratings of " + window.getString("name") + " at " + window.getInstant("window_start"),
          rows.size(),
          window.getLong("ratings"));
      double average =
          rows.stream().mapToInt(r -> r.getInt("rating_movie")).average().orElseThrow();
      assertEquals(average, window.getDouble("avg_rating_movie"), 1e-9);
    }
  }

  /**
   * Each window's ranking holds its most rated titles, counted from the rows (the producer's
   * windows are all on time).
   */
  private static void assertTrendingTitlesMatchRows(CqlSession session) {
    Map<Instant, Map<String, Long>> perWindow = new java.util.TreeMap<>();
    for (Row row :
        session.execute("SELECT timestamp, movie FROM " + KEYSPACE + ".movie_ratings").all()) {
      Instant time = row.getInstant("timestamp");
      if (time.isAfter(Instant.parse("2026-01-01T00:00:00Z"))) {
        Instant start = Instant.ofEpochMilli(time.toEpochMilli() - time.toEpochMilli() % 30_000);
        perWindow
            .computeIfAbsent(start, key -> new java.util.HashMap<>())
            .merge(row.getString("movie"), 1L, Long::sum);
      }
    }
    assertTrue(perWindow.size() > 0);
    for (var window : perWindow.entrySet()) {
      List<Map.Entry<String, Long>> expected =
          window.getValue().entrySet().stream()
              .sorted(
                  Map.Entry.<String, Long>comparingByValue()
                      .reversed()
                      .thenComparing(Map.Entry.comparingByKey()))
              .limit(10)
              .toList();
      Row trending =
          session
              .execute(
                  "SELECT titles, title_ratings FROM "
                      + KEYSPACE
                      + ".trending_titles WHERE day = ? AND window_start = ?",
                  java.time.LocalDate.ofEpochDay(window.getKey().getEpochSecond() / 86_400),
                  window.getKey())
              .one();
      assertTrue("a ranking for the window at " + window.getKey(), trending != null);
      assertEquals(
          "titles at " + window.getKey(),
          expected.stream().map(Map.Entry::getKey).toList(),
          trending.getList("titles", String.class));
      assertEquals(
          "ratings at " + window.getKey(),
          expected.stream().map(Map.Entry::getValue).toList(),
          trending.getList("title_ratings", Long.class));
    }
  }

  private static void assertQueriesAnswerForTheOwner(CqlSession session) throws Exception {
    List<String> queries =
        CqlScript.statements(
            Files.readString(ROOT.resolve("cassandra/queries.cql"), StandardCharsets.UTF_8));
    assertEquals(2, queries.size());

    Row average = session.execute(forThisRun(queries.get(0))).one();
    assertEquals((135 + 121) / 2.0, average.getDouble("avg_duration_min"), 1e-9);
    assertEquals(2, average.getLong("movies"));
    assertEquals(3, average.getLong("ratings"));

    List<Row> hour = session.execute(forThisRun(queries.get(1))).all();
    assertEquals(List.of("Okja", "Roma"), hour.stream().map(r -> r.getString("movie")).toList());
    assertEquals(Instant.parse("2025-03-13T19:40:00.250Z"), hour.get(0).getInstant("timestamp"));
  }

  private static String forThisRun(String query) {
    return query
        .replace("netflix.", KEYSPACE + ".")
        .replace("'Stelios Giagkos'", "'" + OWNER + "'");
  }

  private static long rowCount(CqlSession session) {
    return stack.count("SELECT COUNT(*) FROM " + KEYSPACE + ".movie_ratings");
  }

  /**
   * Ratings counted in ratings_per_window, except the owner's 2025 ones (their windows may be
   * late).
   */
  private static long windowedRatings(CqlSession session, int ownerOld) {
    long total = 0;
    for (Row window :
        session
            .execute("SELECT ratings, window_start FROM " + KEYSPACE + ".ratings_per_window")
            .all()) {
      if (window.getInstant("window_start").isAfter(Instant.parse("2026-01-01T00:00:00Z"))) {
        total += window.getLong("ratings");
      }
    }
    return total;
  }

  private static boolean committedAll(String group) {
    return committedAll(group, TOPIC);
  }

  private static boolean committedAll(String group, String topic) {
    try {
      return stack.lag(group, topic) == 0;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static void awaitTrue(String what, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + TIMEOUT.toSeconds() + "s waiting until " + what);
      }
      Thread.sleep(1_000);
    }
  }

  private static String rating(String name, String movie, int score, String timestamp) {
    return TestData.json(name, movie, score, timestamp);
  }
}
