package org.moviestream.pipeline.faults;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.moviestream.catalog.CatalogReader;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.RatingMessage;
import org.moviestream.contract.SourceKey;
import org.moviestream.testing.PipelineArgs;
import org.moviestream.testing.StackResources;

/**
 * One fault scenario's own topics, keyspace and consumer group, a backlog of ratings spread over
 * many 30-second windows with bad messages among them, and exact counts of what reached Cassandra
 * and the dead-letter topic.
 */
final class FaultRun implements AutoCloseable {

  static final int PEOPLE = 14;

  /** Event time between two ratings of a backlog: 30,000 of them span 10 minutes, 20 windows. */
  static final Duration BACKLOG_SPACING = Duration.ofMillis(20);

  static final int BAD_EVERY = 1000;

  final String topic;
  final String deadLetterTopic;
  final String keyspace;
  final String group;
  private final Path root;
  private final StackResources resources;
  private final List<String> titles;
  private final Random random = new Random(42);
  private int sentValid;
  private int attempted;
  private final Map<SourceKey, Optional<RatingMessage>> expected =
      new java.util.concurrent.ConcurrentHashMap<>();
  private int sentBad;

  FaultRun(Path root, String name) {
    this(root, name, Map.of());
  }

  /** {@code topicConfigs}: the ratings topic's own settings (e.g. a larger max.message.bytes). */
  FaultRun(Path root, String name, Map<String, String> topicConfigs) {
    this(root, name, topicConfigs, StackResources.onLocalStack());
  }

  /** A run on {@code resources}' stack (e.g. a cluster's). */
  FaultRun(Path root, String name, Map<String, String> topicConfigs, StackResources resources) {
    this.root = root;
    this.resources = resources;
    String id = StackResources.uniqueName("it_fault_" + name);
    topic = resources.createTopic(id, 3, topicConfigs);
    deadLetterTopic = resources.createTopic(id + "_dlq", 1, Map.of("cleanup.policy", "compact"));
    keyspace = resources.createKeyspace(id);
    group = id;
    titles = CatalogReader.read(root.resolve("data/netflix.csv")).titles();
  }

  /** The pipeline's command-line options for this run. */
  List<String> pipelineArgs() {
    return PipelineArgs.on(resources.bootstrapServers())
        .cassandraHosts(resources.cassandraHosts())
        .topic(topic)
        .deadLetterTopic(deadLetterTopic)
        .keyspace(keyspace)
        .consumerGroup(group)
        .set("progressSeconds", 5)
        .list();
  }

  /** A backlog: {@code valid} ratings stamped half an hour ago, {@link #BACKLOG_SPACING} apart. */
  void sendBacklog(int valid) throws Exception {
    send(valid, Instant.now().minus(Duration.ofMinutes(30)), BACKLOG_SPACING);
  }

  /**
   * Live ratings: {@code valid} ratings stamped over the last ten seconds, as if rated just now.
   */
  void sendLive(int valid) throws Exception {
    send(
        valid,
        Instant.now().minus(Duration.ofSeconds(10)),
        Duration.ofSeconds(10).dividedBy(valid));
  }

  /**
   * Ratings stamped from {@code first} on, {@code spacing} apart, with one bad message per {@link
   * #BAD_EVERY}.
   */
  void sendRatings(int valid, Instant first, Duration spacing) throws Exception {
    send(valid, first, spacing);
  }

  /**
   * Sends one record of raw bytes (a null value is a record without one) and counts what it must
   * become: a row when {@code reason} is null, else a dead letter; returns its dead-letter key.
   */
  String sendOdd(String key, byte[] value, Long timestamp, boolean ratingTimeHeader, String reason)
      throws Exception {
    List<org.apache.kafka.common.header.Header> headers =
        ratingTimeHeader
            ? List.of(new RecordHeader(RatingMessage.TIMESTAMP_IS_RATING_TIME, new byte[0]))
            : List.of();
    try (KafkaProducer<byte[], byte[]> producer =
        resources.producer(
            new ByteArraySerializer(),
            new ByteArraySerializer(),
            Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 8 << 20))) {
      RecordMetadata sent =
          producer
              .send(
                  new ProducerRecord<>(
                      topic,
                      null,
                      timestamp,
                      key == null ? null : key.getBytes(StandardCharsets.UTF_8),
                      value,
                      headers))
              .get();
      expect(
          sent.partition(),
          sent.offset(),
          reason == null
              ? RatingMessage.parse(
                  new String(value, StandardCharsets.UTF_8), java.time.ZoneOffset.UTC)
              : null);
      if (reason == null) {
        sentValid++;
      } else {
        sentBad++;
      }
      return topic + "/" + sent.partition() + "/" + sent.offset();
    }
  }

  /**
   * Deletes the ratings topic and creates it again, empty, under the same name (Kafka deletes a
   * topic in the background).
   */
  void recreateTopic() throws Exception {
    resources.deleteTopics(topic);
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      try {
        resources.createTopic(topic, 3, Map.of());
        break;
      } catch (RuntimeException stillBeingDeleted) {
        if (System.nanoTime() > deadline) {
          throw stillBeingDeleted;
        }
        Thread.sleep(500);
      }
    }
    expected.clear();
  }

  /** Messages of the topic not committed by the pipeline's group. */
  long lag() {
    return resources.lag(group, topic);
  }

  /**
   * The dead-letter topic's records by source "topic/partition/offset" (the latest copy of each, as
   * compaction keeps; the record's key adds the source topic's id).
   */
  Map<String, DeadLetterRecord> deadLetters() {
    Map<String, DeadLetterRecord> bySource = new HashMap<>();
    resources
        .readTopic(deadLetterTopic, 0, Duration.ofMinutes(1))
        .forEach(
            record -> {
              DeadLetterRecord letter = DeadLetterRecord.fromJson(record.value());
              bySource.put(letter.source().toString(), letter);
            });
    return bySource;
  }

  StackResources resources() {
    return resources;
  }

  /**
   * Sends {@code valid} ratings of {@link #PEOPLE} people, keyed by name as the producer does,
   * stamped from {@code first} on, {@code spacing} apart, with one bad message per {@link
   * #BAD_EVERY}.
   */
  private void send(int valid, Instant first, Duration spacing) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    List<RatingMessage> ratings = new ArrayList<>();
    try (KafkaProducer<String, String> producer = resources.producer()) {
      for (int i = 0; i < valid; i++) {
        String name = "Person " + (1 + random.nextInt(PEOPLE));
        Instant timestamp = first.plus(spacing.multipliedBy(i));
        RatingMessage rating =
            new RatingMessage(
                name, titles.get(random.nextInt(titles.size())), 1 + random.nextInt(10), timestamp);
        sent.add(producer.send(new ProducerRecord<>(topic, name, rating.toJson())));
        ratings.add(rating);
        if (++attempted % BAD_EVERY == 0) {
          String bad =
              switch (attempted / BAD_EVERY % 3) {
                case 0 -> "{not json " + attempted;
                case 1 ->
                    json.writeValueAsString(
                        Map.of(
                            RatingMessage.NAME,
                            name,
                            RatingMessage.MOVIE,
                            titles.get(0),
                            RatingMessage.RATING,
                            RatingMessage.MAX_RATING + 1,
                            RatingMessage.TIMESTAMP,
                            timestamp.toString()));
                default ->
                    new RatingMessage(name, "No Such Title " + attempted, 5, timestamp).toJson();
              };
          sent.add(producer.send(new ProducerRecord<>(topic, name, bad)));
          ratings.add(null);
        }
      }
      // Only what the broker acknowledged counts (a broker that is away fails some sends).
      Exception failed = null;
      for (int i = 0; i < sent.size(); i++) {
        try {
          RecordMetadata record = sent.get(i).get();
          expect(record.partition(), record.offset(), ratings.get(i));
          if (ratings.get(i) == null) {
            sentBad++;
          } else {
            sentValid++;
          }
        } catch (java.util.concurrent.ExecutionException e) {
          failed = e;
        }
      }
      if (failed != null) {
        throw failed;
      }
    }
  }

  /**
   * What the message at {@code partition}/{@code offset} must become: {@code rating}'s row, or a
   * dead letter when null.
   */
  private void expect(int partition, long offset, RatingMessage rating) {
    expected.put(new SourceKey(topic, partition, offset), Optional.ofNullable(rating));
  }

  /**
   * What the message at {@code source} must become: a rating's row, or (empty) a dead letter; null
   * if this run did not send it.
   */
  Optional<RatingMessage> expected(SourceKey source) {
    return expected.get(source);
  }

  int sentValid() {
    return sentValid;
  }

  int sentBad() {
    return sentBad;
  }

  /** The rows, counted at consistency ALL: every replica of every row answers. */
  long rowsAtAll() {
    return resources
        .session()
        .execute(
            SimpleStatement.newInstance("SELECT COUNT(*) FROM " + keyspace + ".movie_ratings")
                .setConsistencyLevel(DefaultConsistencyLevel.ALL)
                .setTimeout(Duration.ofMinutes(5)))
        .one()
        .getLong(0);
  }

  long rows() {
    try {
      return resources.count("SELECT COUNT(*) FROM " + keyspace + ".movie_ratings");
    } catch (RuntimeException tooBig) {
      return rowsByTokenRange();
    }
  }

  /**
   * The rows counted in slices of the partitioner's token range: a million rows take a full-table
   * COUNT(*) past Cassandra's own range-read timeout; a slice at a time stays within it.
   */
  private long rowsByTokenRange() {
    int slices = 64;
    java.math.BigInteger low = java.math.BigInteger.valueOf(Long.MIN_VALUE);
    java.math.BigInteger width =
        java.math.BigInteger.valueOf(Long.MAX_VALUE)
            .subtract(low)
            .divide(java.math.BigInteger.valueOf(slices));
    long rows = 0;
    try {
      for (int slice = 0; slice < slices; slice++) {
        long from = low.add(width.multiply(java.math.BigInteger.valueOf(slice))).longValue();
        String upper =
            slice == slices - 1
                ? ""
                : " AND token(name) <= "
                    + low.add(width.multiply(java.math.BigInteger.valueOf(slice + 1))).longValue();
        String lower = slice == 0 ? "token(name) >= " + from : "token(name) > " + from;
        rows +=
            resources.count(
                "SELECT COUNT(*) FROM " + keyspace + ".movie_ratings WHERE " + lower + upper);
      }
      return rows;
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** The sum of the consumer group's committed offsets over the topic's partitions. */
  long committed() {
    try {
      return resources.committedOffsets(group).entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset())
          .sum();
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * Per person: rows in movie_ratings, and the sum of `ratings` over their windows in
   * ratings_per_window.
   */
  Map<String, long[]> rowsAndWindowSums() {
    Map<String, long[]> perPerson = new HashMap<>();
    CqlSession session = resources.session();
    for (int person = 1; person <= PEOPLE; person++) {
      String name = "Person " + person;
      long rows =
          session
              .execute("SELECT COUNT(*) FROM " + keyspace + ".movie_ratings WHERE name = ?", name)
              .one()
              .getLong(0);
      long windowed = 0;
      for (Row window :
          session.execute(
              "SELECT ratings FROM " + keyspace + ".ratings_per_window WHERE name = ?", name)) {
        windowed += window.getLong("ratings");
      }
      perPerson.put(name, new long[] {rows, windowed});
    }
    return perPerson;
  }

  /**
   * The trending rankings against the rows: per 30-second window of event time, the ratings the
   * stored ranking counts ({@code window_ratings}) and the rows whose timestamp falls in it.
   */
  Trending trending() {
    CqlSession session = resources.session();
    Map<Long, Long> rowsPerWindow = new HashMap<>();
    long window = Duration.ofSeconds(30).toMillis();
    for (Row row : session.execute("SELECT timestamp FROM " + keyspace + ".movie_ratings")) {
      long start = Math.floorDiv(row.getInstant(0).toEpochMilli(), window) * window;
      rowsPerWindow.merge(start, 1L, Long::sum);
    }
    long ranked = 0;
    long shortWindows = 0;
    long doubled = 0;
    for (Row ranking :
        session.execute(
            "SELECT window_start, window_ratings FROM " + keyspace + ".trending_titles")) {
      long counted = ranking.getLong(1);
      long rows = rowsPerWindow.getOrDefault(ranking.getInstant(0).toEpochMilli(), 0L);
      ranked += counted;
      shortWindows += counted < rows ? 1 : 0;
      doubled += counted > rows ? 1 : 0;
    }
    long rows = rowsPerWindow.values().stream().mapToLong(Long::longValue).sum();
    return new Trending(rowsPerWindow.size(), rows, ranked, shortWindows, doubled);
  }

  /**
   * {@code doubledWindows}: rankings counting more ratings than their window has rows (never
   * allowed); {@code shortWindows}: rankings counting fewer (too-late ratings, or late ones
   * replayed after a crash without the rest of their window).
   */
  record Trending(long windows, long rows, long ranked, long shortWindows, long doubledWindows) {
    @Override
    public String toString() {
      return String.format(
          "trending: %,d of %,d rows ranked over %d windows (%d windows short by %,d)",
          ranked, rows, windows, shortWindows, rows - ranked);
    }
  }

  /**
   * Distinct dead letters by key (source topic/partition/offset), as a compacted topic keeps them.
   */
  Set<String> deadLetterKeys() {
    try {
      Set<String> keys = new HashSet<>();
      resources
          .readTopic(deadLetterTopic, 0, Duration.ofMinutes(1))
          .forEach(record -> keys.add(record.key()));
      return keys;
    } catch (RuntimeException e) {
      return Set.of();
    }
  }

  /**
   * Whether everything sent is in: exactly the valid ratings as rows, windows that add up per
   * person, one dead letter per bad message.
   */
  String incompleteness() {
    long rows = rows();
    if (rows != sentValid) {
      return "rows " + rows + " of " + sentValid;
    }
    for (var person : rowsAndWindowSums().entrySet()) {
      if (person.getValue()[0] != person.getValue()[1]) {
        return person.getKey()
            + " has "
            + person.getValue()[0]
            + " rows but "
            + person.getValue()[1]
            + " ratings in windows";
      }
    }
    int deadLetters = deadLetterKeys().size();
    return deadLetters == sentBad ? null : "dead letters " + deadLetters + " of " + sentBad;
  }

  @Override
  public void close() {
    resources.close();
  }
}
