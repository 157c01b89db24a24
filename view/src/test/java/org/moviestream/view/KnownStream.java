package org.moviestream.view;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.moviestream.contract.Defaults;
import org.moviestream.contract.RatingMessage;
import org.moviestream.testing.PipelineArgs;
import org.moviestream.testing.PipelineProcess;
import org.moviestream.testing.Project;
import org.moviestream.testing.StackResources;

/**
 * Known ratings and bad messages sent through the real pipeline (its runnable jar, its own process)
 * on the real stack, into topics and a keyspace of this run, and a view serving them on a free
 * port. Built once per test JVM for the API and browser tests; removed when the JVM ends.
 *
 * <p>Two windows, A and B, just ahead of now (so every rating is on time): A has Roma 3 (Ann, Bob,
 * the owner), Dark 1 (Bob) and Okja 1 (Ann); B has Okja 2 (Ann, the owner) and Dark 1 (the owner).
 * Four bad messages: two malformed, one rating out of range, one unknown title.
 */
final class KnownStream {

  static final Path ROOT = Project.root();
  static final String ANN = "Ann Lee";
  static final String BOB = "Bob Stone";
  static final String OWNER = Defaults.OWNER;
  static final Duration TIMEOUT = Duration.ofMinutes(4);
  static final int KAFKA_PORT =
      Integer.parseInt(
          Defaults.BOOTSTRAP_SERVERS.substring(Defaults.BOOTSTRAP_SERVERS.lastIndexOf(':') + 1));

  private static KnownStream instance;

  final String run = StackResources.uniqueName("view");
  final String topic = run + "_ratings";
  final String deadLetterTopic = run + "_ratings_dlq";
  final String keyspace = run + "_netflix";
  final String group = run + "_pipeline";
  final Instant windowA;
  final Instant windowB;

  /** How many messages each partition of the ratings topic got. */
  final Map<Integer, Long> sentPerPartition = new HashMap<>();

  final StackResources stack = StackResources.onLocalStack();
  final ViewServer view;
  final String url;

  private KnownStream() throws Exception {
    windowA = firstWholeWindowAhead(Instant.now());
    windowB = windowA.plusSeconds(30);
    stack.createTopics(3, topic);
    stack.createTopics(1, deadLetterTopic);
    stack.createKeyspace(keyspace);
    // Started first, so that its throughput chart sees the ratings arrive and get written.
    view = ViewServer.start(viewOptions(stack.bootstrapServers(), Defaults.CASSANDRA_PORT));
    url = "http://127.0.0.1:" + view.port() + "/";
    sendKnownMessages();
    try (PipelineProcess pipeline =
        startPipeline(
            stack.bootstrapServers(),
            topic,
            deadLetterTopic,
            keyspace,
            group,
            ROOT.resolve("view/target/known-stream-pipeline.log"),
            "--progressSeconds=5")) {
      awaitEverythingCommitted(pipeline);
    }
  }

  /** The pipeline's jar on a run's topics, keyspace and group, from the topic's start. */
  static PipelineProcess startPipeline(
      String bootstrapServers,
      String topic,
      String deadLetterTopic,
      String keyspace,
      String group,
      Path log,
      String... more)
      throws java.io.IOException {
    List<String> args =
        PipelineArgs.on(bootstrapServers)
            .topic(topic)
            .deadLetterTopic(deadLetterTopic)
            .keyspace(keyspace)
            .consumerGroup(group)
            .with(List.of(more))
            .list();
    return PipelineProcess.start(Project.Jar.PIPELINE.path(), log, args);
  }

  static synchronized KnownStream get() throws Exception {
    if (instance == null) {
      KnownStream stream = new KnownStream();
      Runtime.getRuntime().addShutdownHook(new Thread(stream::close));
      instance = stream;
    }
    return instance;
  }

  /** Options of a view on this run's topics, group and keyspace, on a free port. */
  ViewOptions viewOptions(String bootstrapServers, int cassandraPort) {
    return ViewOptions.parse(
        "--port=0",
        "--bootstrap-servers=" + bootstrapServers,
        "--topic=" + topic,
        "--dead-letter-topic=" + deadLetterTopic,
        "--consumer-group=" + group,
        "--cassandra-port=" + cassandraPort,
        "--keyspace=" + keyspace,
        "--sample-seconds=1");
  }

  /**
   * The start of the first 30-second window that begins after {@code now}, with both windows in one
   * UTC hour.
   */
  static Instant firstWholeWindowAhead(Instant now) {
    Instant start = Instant.ofEpochSecond((now.getEpochSecond() / 30 + 1) * 30);
    if (!start
        .truncatedTo(ChronoUnit.HOURS)
        .equals(start.plusSeconds(59).truncatedTo(ChronoUnit.HOURS))) {
      start = start.plusSeconds(60);
    }
    return start;
  }

  String day() {
    return windowA.atOffset(ZoneOffset.UTC).toLocalDate().toString();
  }

  String hour() {
    return windowA.toString().substring(0, 13);
  }

  private void sendKnownMessages() throws Exception {
    List<ProducerRecord<String, String>> records =
        List.of(
            rating(ANN, "Roma", 8, windowA.plusSeconds(2)),
            rating(ANN, "Okja", 6, windowA.plusSeconds(5)),
            rating(BOB, "Roma", 4, windowA.plusSeconds(7)),
            rating(BOB, "Dark", 10, windowA.plusSeconds(11)),
            rating(OWNER, "Roma", 9, windowA.plusSeconds(13)),
            rating(ANN, "Okja", 2, windowB.plusSeconds(3)),
            rating(OWNER, "Okja", 7, windowB.plusSeconds(8)),
            rating(OWNER, "Dark", 5, windowB.plusSeconds(21)),
            new ProducerRecord<>(topic, "bad", "{this is not json"),
            new ProducerRecord<>(topic, "bad", "[1, 2"),
            rating(ANN, "Roma", 11, windowA.plusSeconds(3)),
            rating(BOB, "A Title Nobody Has", 5, windowA.plusSeconds(4)));
    try (KafkaProducer<String, String> producer = stack.producer()) {
      for (ProducerRecord<String, String> record : records) {
        sentPerPartition.merge(producer.send(record).get().partition(), 1L, Long::sum);
      }
    }
  }

  /**
   * Bypasses RatingMessage's own range check: the out-of-range rating is one of the bad messages.
   */
  private ProducerRecord<String, String> rating(
      String name, String movie, int rating, Instant timestamp) {
    String json =
        "{\""
            + RatingMessage.NAME
            + "\":\""
            + name
            + "\",\""
            + RatingMessage.MOVIE
            + "\":\""
            + movie
            + "\",\""
            + RatingMessage.RATING
            + "\":"
            + rating
            + ",\""
            + RatingMessage.TIMESTAMP
            + "\":\""
            + timestamp
            + "\"}";
    return new ProducerRecord<>(topic, name, json);
  }

  /**
   * Every offset committed: every rating is a row, in its person's window and in its window's
   * ranking.
   */
  private void awaitEverythingCommitted(PipelineProcess pipeline) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      if (!pipeline.isAlive()) {
        throw new AssertionError("the pipeline ended early:\n" + pipeline.tail(4_000));
      }
      try {
        if (stack.lag(group, topic) == 0) {
          return;
        }
      } catch (RuntimeException notYet) {
        // the group has committed nothing yet
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the pipeline did not commit every offset within "
                + TIMEOUT.toSeconds()
                + " s:\n"
                + pipeline.tail(4_000));
      }
      Thread.sleep(1_000);
    }
  }

  private void close() {
    if (view != null) {
      view.close();
    }
    stack.close();
  }
}
