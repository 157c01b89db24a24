package org.moviestream.pipeline.faults;

import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.moviestream.catalog.CatalogReader;
import org.moviestream.cql.CassandraConnection;
import org.moviestream.cql.CqlScript;

/**
 * One fault scenario's own topics, keyspace and consumer group, a backlog of ratings spread over
 * many 30-second windows with bad messages among them, and exact counts of what reached Cassandra
 * and the dead-letter topic.
 */
final class FaultRun implements AutoCloseable {

  static final String BROKER = "127.0.0.1:29092";
  static final int PEOPLE = 14;
  /** Event time between two ratings of a backlog: 30,000 of them span 10 minutes, 20 windows. */
  static final Duration BACKLOG_SPACING = Duration.ofMillis(20);
  static final int BAD_EVERY = 1000;

  final String topic;
  final String deadLetterTopic;
  final String keyspace;
  final String group;
  private final Path root;
  private final List<String> titles;
  private final Random random = new Random(42);
  private int sentValid;
  private int sentBad;

  FaultRun(Path root, String name) throws Exception {
    this.root = root;
    String id = name + "_" + UUID.randomUUID().toString().substring(0, 6);
    topic = "it_fault_" + id;
    deadLetterTopic = topic + "_dlq";
    keyspace = "it_fault_" + id;
    group = "it-fault-" + id;
    titles = CatalogReader.read(root.resolve("data/netflix.csv")).titles();
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1),
          new NewTopic(deadLetterTopic, 1, (short) 1).configs(Map.of("cleanup.policy", "compact")))).all().get();
    }
    try (CassandraConnection cassandra = cassandra()) {
      for (String statement : CqlScript.statements(Files.readString(root.resolve("cassandra/schema.cql"), StandardCharsets.UTF_8))) {
        cassandra.session().execute(statement.replaceAll("\\bnetflix\\b", keyspace));
      }
    }
  }

  /** The pipeline's command-line options for this run. */
  List<String> pipelineArgs() {
    return List.of("--bootstrapServers=" + BROKER, "--topic=" + topic, "--deadLetterTopic=" + deadLetterTopic,
        "--keyspace=" + keyspace, "--consumerGroup=" + group, "--startingOffsets=earliest", "--progressSeconds=5",
        "--catalog=" + root.resolve("data/netflix.csv"));
  }

  /** A backlog: {@code valid} ratings stamped half an hour ago, {@link #BACKLOG_SPACING} apart. */
  void sendBacklog(int valid) throws Exception {
    send(valid, Instant.now().minus(Duration.ofMinutes(30)), BACKLOG_SPACING);
  }

  /** Live ratings: {@code valid} ratings stamped over the last ten seconds, as if rated just now. */
  void sendLive(int valid) throws Exception {
    send(valid, Instant.now().minus(Duration.ofSeconds(10)), Duration.ofSeconds(10).dividedBy(valid));
  }

  /**
   * Sends {@code valid} ratings of {@link #PEOPLE} people, keyed by name as the producer does, stamped
   * from {@code first} on, {@code spacing} apart, with one bad message per {@link #BAD_EVERY}.
   */
  private void send(int valid, Instant first, Duration spacing) throws Exception {
    Map<String, Object> config = Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER, ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    ObjectMapper json = new ObjectMapper();
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
      for (int i = 0; i < valid; i++) {
        String name = "Person " + (1 + random.nextInt(PEOPLE));
        Map<String, Object> rating = new HashMap<>();
        rating.put("name", name);
        rating.put("movie", titles.get(random.nextInt(titles.size())));
        rating.put("rating", 1 + random.nextInt(10));
        Instant timestamp = first.plus(spacing.multipliedBy(i));
        rating.put("timestamp", timestamp.toString());
        sent.add(producer.send(new ProducerRecord<>(topic, name, json.writeValueAsString(rating))));
        sentValid++;
        if (sentValid % BAD_EVERY == 0) {
          String bad = switch (sentBad % 3) {
            case 0 -> "{not json " + sentBad;
            case 1 -> json.writeValueAsString(Map.of("name", name, "movie", titles.get(0), "rating", 11,
                "timestamp", timestamp.toString()));
            default -> json.writeValueAsString(Map.of("name", name, "movie", "No Such Title " + sentBad, "rating", 5,
                "timestamp", timestamp.toString()));
          };
          sent.add(producer.send(new ProducerRecord<>(topic, name, bad)));
          sentBad++;
        }
      }
      for (Future<RecordMetadata> record : sent) {
        record.get();
      }
    }
  }

  int sentValid() {
    return sentValid;
  }

  int sentBad() {
    return sentBad;
  }

  long rows() {
    try (CassandraConnection cassandra = cassandra()) {
      return cassandra.session().execute("SELECT COUNT(*) FROM " + keyspace + ".movie_ratings").one().getLong(0);
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /** The sum of the consumer group's committed offsets over the topic's partitions. */
  long committed() {
    try (Admin admin = admin()) {
      return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
          .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
          .mapToLong(e -> e.getValue().offset()).sum();
    } catch (Exception e) {
      return -1;
    }
  }

  /** Per person: rows in movie_ratings, and the sum of `ratings` over their windows in ratings_per_window. */
  Map<String, long[]> rowsAndWindowSums() {
    Map<String, long[]> perPerson = new HashMap<>();
    try (CassandraConnection cassandra = cassandra()) {
      Session session = cassandra.session();
      for (int person = 1; person <= PEOPLE; person++) {
        String name = "Person " + person;
        long rows = session.execute("SELECT COUNT(*) FROM " + keyspace + ".movie_ratings WHERE name = ?", name).one().getLong(0);
        long windowed = 0;
        for (Row window : session.execute("SELECT ratings FROM " + keyspace + ".ratings_per_window WHERE name = ?", name)) {
          windowed += window.getLong("ratings");
        }
        perPerson.put(name, new long[] {rows, windowed});
      }
    }
    return perPerson;
  }

  /** Distinct dead letters by key (source topic/partition/offset), as a compacted topic keeps them. */
  Set<String> deadLetterKeys() {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-dlq-reader-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    Set<String> keys = new HashSet<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(deadLetterTopic));
      int emptyPolls = 0;
      while (emptyPolls < 3) {
        var records = consumer.poll(Duration.ofMillis(500));
        for (ConsumerRecord<String, String> record : records) {
          keys.add(record.key());
        }
        emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
      }
    } catch (RuntimeException e) {
      return Set.of();
    }
    return keys;
  }

  /** Whether everything sent is in: exactly the valid ratings as rows, windows that add up per person, one dead letter per bad message. */
  String incompleteness() {
    long rows = rows();
    if (rows != sentValid) {
      return "rows " + rows + " of " + sentValid;
    }
    for (var person : rowsAndWindowSums().entrySet()) {
      if (person.getValue()[0] != person.getValue()[1]) {
        return person.getKey() + " has " + person.getValue()[0] + " rows but " + person.getValue()[1] + " ratings in windows";
      }
    }
    int deadLetters = deadLetterKeys().size();
    return deadLetters == sentBad ? null : "dead letters " + deadLetters + " of " + sentBad;
  }

  @Override
  public void close() throws Exception {
    try (CassandraConnection cassandra = cassandra()) {
      cassandra.session().execute("DROP KEYSPACE IF EXISTS " + keyspace);
    }
    try (Admin admin = admin()) {
      admin.deleteTopics(List.of(topic, deadLetterTopic)).all().get();
    }
  }

  private static CassandraConnection cassandra() {
    return CassandraConnection.open("127.0.0.1", 9042);
  }

  private static Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER));
  }
}
