package org.moviestream.testing;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CassandraSettings;
import org.moviestream.cassandra.Schema;
import org.moviestream.contract.Defaults;
import org.moviestream.kafka.GroupProgress;
import org.moviestream.kafka.KafkaSettings;

/**
 * Topics and keyspaces of one test or measurement on the real local stack, created on demand and
 * all removed again by {@link #close()}, so that runs never see each other's data.
 */
public final class StackResources implements AutoCloseable {

  private static final Duration COUNT_TIMEOUT = Duration.ofMinutes(5);

  private static final Duration SCHEMA_TIMEOUT = Duration.ofMinutes(2);

  private static final Duration TOPIC_READY_TIMEOUT = Duration.ofMinutes(1);

  private final String bootstrapServers;
  private final KafkaSettings kafka;
  private final String cassandraHosts;
  private final int replicationFactor;
  private final Admin admin;
  private final CassandraConnection cassandra;
  private final Set<String> topics = new LinkedHashSet<>();
  private final Set<String> keyspaces = new LinkedHashSet<>();

  private StackResources(
      String bootstrapServers, String cassandraHosts, int cassandraPort, int replicationFactor) {
    this(
        KafkaSettings.of(bootstrapServers),
        CassandraSettings.of(cassandraHosts, cassandraPort),
        replicationFactor);
  }

  private StackResources(
      KafkaSettings kafka, CassandraSettings cassandraSettings, int replicationFactor) {
    this.kafka = kafka;
    this.bootstrapServers = kafka.bootstrapServers();
    this.cassandraHosts = String.join(",", cassandraSettings.hosts());
    this.replicationFactor = replicationFactor;
    this.cassandra = CassandraConnection.open(cassandraSettings);
    this.admin = Admin.create(kafka.admin(Map.of(), Map.of()));
  }

  /** Resources on the stack of {@code bin/stack start}. */
  public static StackResources onLocalStack() {
    return on(Defaults.BOOTSTRAP_SERVERS);
  }

  /** Resources on the broker at {@code bootstrapServers} and the local Cassandra node. */
  public static StackResources on(String bootstrapServers) {
    return new StackResources(
        bootstrapServers, Defaults.CASSANDRA_HOST, Defaults.CASSANDRA_PORT, 1);
  }

  /**
   * Resources on the cluster of {@code bin/stack start --nodes N} (node I on 127.0.0.I), topics and
   * keyspaces replicated on three nodes (or on all, when fewer).
   */
  public static StackResources onCluster(int nodes) {
    List<String> brokers = new ArrayList<>();
    List<String> hosts = new ArrayList<>();
    for (int node = 1; node <= nodes; node++) {
      brokers.add("127.0.0." + node + ":" + Defaults.KAFKA_PORT);
      hosts.add("127.0.0." + node);
    }
    return new StackResources(
        String.join(",", brokers),
        String.join(",", hosts),
        Defaults.CASSANDRA_PORT,
        Math.min(nodes, 3));
  }

  /**
   * Resources on the stack of {@code bin/stack start --secure}: Kafka through the stack's own
   * listener and Cassandra, each as the stack's administrator ({@code kafka-admin.properties},
   * {@code cassandra-admin.conf} in {@code secureDir}).
   */
  public static StackResources onSecuredStack(java.nio.file.Path secureDir) {
    return new StackResources(
        KafkaSettings.load(
            Defaults.BOOTSTRAP_SERVERS, secureDir.resolve("kafka-admin.properties").toString()),
        CassandraSettings.load(
            Defaults.CASSANDRA_HOST,
            Defaults.CASSANDRA_PORT,
            secureDir.resolve("cassandra-admin.conf").toString()),
        1);
  }

  /** {@code prefix} and a random suffix: a topic, keyspace or group name no other run uses. */
  public static String uniqueName(String prefix) {
    return prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Cassandra's contact points, comma-separated. */
  public String cassandraHosts() {
    return cassandraHosts;
  }

  public CqlSession session() {
    return cassandra.session();
  }

  public Admin admin() {
    return admin;
  }

  /**
   * Creates a topic with topic-level {@code configs} (e.g. cleanup.policy=compact) and returns once
   * every partition has a leader that answers.
   */
  public String createTopic(String name, int partitions, Map<String, String> configs) {
    await(
        admin
            .createTopics(
                List.of(new NewTopic(name, partitions, (short) replicationFactor).configs(configs)))
            .all());
    topics.add(name);
    awaitLeaders(name, partitions);
    return name;
  }

  /**
   * Waits until each partition's leader answers a list-offsets request: a created topic's
   * partitions come up on the broker a moment after the controller says yes (longer for a topic
   * re-created under a deleted one's name), and a producer that sends earlier can time out.
   */
  private void awaitLeaders(String topic, int partitions) {
    awaitKafka(
        "an answering leader for each partition of " + topic,
        () -> GroupProgress.logEnds(admin, topic, Duration.ofSeconds(5)).size() == partitions);
  }

  public void createTopics(int partitions, String... names) {
    for (String name : names) {
      createTopic(name, partitions, Map.of());
    }
  }

  /** Deletes topics and returns once the broker no longer lists them. */
  public void deleteTopics(String... names) {
    await(admin.deleteTopics(List.of(names)).all());
    topics.removeAll(List.of(names));
    awaitKafka(
        "no listing of " + List.of(names),
        () -> Collections.disjoint(admin.listTopics().names().get(), List.of(names)));
  }

  /** Asks Kafka until {@code done} says yes (an error counts as not yet), for a minute at most. */
  private static void awaitKafka(String what, Callable<Boolean> done) {
    long deadline = System.nanoTime() + TOPIC_READY_TIMEOUT.toNanos();
    Exception last = null;
    while (true) {
      try {
        if (done.call()) {
          return;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Kafka", e);
      } catch (Exception notYet) {
        last = notYet;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Kafka gave "
                + what
                + " not within "
                + TOPIC_READY_TIMEOUT.toSeconds()
                + " s"
                + (last == null ? "" : ": " + last),
            last);
      }
      sleep(200);
    }
  }

  /** cassandra/schema.cql applied under the keyspace name {@code keyspace}. */
  public String createKeyspace(String keyspace) {
    for (String statement : Schema.statements(keyspace, replicationFactor)) {
      session().execute(SimpleStatement.newInstance(statement).setTimeout(SCHEMA_TIMEOUT));
    }
    keyspaces.add(keyspace);
    return keyspace;
  }

  public void dropKeyspace(String keyspace) {
    session()
        .execute(
            SimpleStatement.newInstance("DROP KEYSPACE IF EXISTS " + keyspace)
                .setTimeout(SCHEMA_TIMEOUT));
    keyspaces.remove(keyspace);
  }

  /** The single number a query such as SELECT COUNT(*) returns. */
  public long count(String cql, Object... values) {
    // Counting a table of a million rows takes Cassandra longer than the tools' 30 s.
    return session()
        .execute(SimpleStatement.newInstance(cql, values).setTimeout(COUNT_TIMEOUT))
        .one()
        .getLong(0);
  }

  /** The offsets the consumer group {@code group} has committed, per partition. */
  public Map<TopicPartition, OffsetAndMetadata> committedOffsets(String group) {
    return await(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
  }

  /** Messages the consumer group has not committed yet, over all partitions of {@code topic}. */
  public long lag(String group, String topic) {
    try {
      return GroupProgress.read(admin, group, topic, Duration.ofSeconds(30)).totalLag();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read the lag of " + group + " on " + topic, e);
    }
  }

  /**
   * Every record of {@code topic}: read until at least {@code atLeast} came and three polls came
   * back empty.
   */
  public List<ConsumerRecord<String, String>> readTopic(
      String topic, int atLeast, Duration timeout) {
    Map<String, Object> config =
        kafka.consumer(
            Map.of(),
            Map.of(
                ConsumerConfig.GROUP_ID_CONFIG, uniqueName("reader"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName()));
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      int quietPolls = 0;
      while (System.nanoTime() < deadline && quietPolls < 3) {
        ConsumerRecords<String, String> polled = consumer.poll(Duration.ofMillis(500));
        polled.forEach(records::add);
        quietPolls = records.size() >= atLeast && polled.isEmpty() ? quietPolls + 1 : 0;
      }
    }
    return records;
  }

  /** A producer of text records to this stack's Kafka, every send acknowledged by all replicas. */
  public KafkaProducer<String, String> producer() {
    return producer(new StringSerializer(), new StringSerializer(), Map.of());
  }

  /** A producer with its own serializers and settings (e.g. a larger max.request.size). */
  public <K, V> KafkaProducer<K, V> producer(
      Serializer<K> keys, Serializer<V> values, Map<String, Object> settings) {
    Map<String, Object> defaults = new HashMap<>(settings);
    defaults.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(kafka.producer(defaults, Map.of()), keys, values);
  }

  /** Drops every keyspace and deletes every topic made here; then closes the clients. */
  @Override
  public void close() {
    List<RuntimeException> failures = new ArrayList<>();
    for (String keyspace : List.copyOf(keyspaces)) {
      try {
        dropKeyspace(keyspace);
      } catch (RuntimeException e) {
        failures.add(e);
      }
    }
    try {
      if (!topics.isEmpty()) {
        deleteTopics(topics.toArray(String[]::new));
      }
    } catch (RuntimeException e) {
      failures.add(e);
    }
    admin.close();
    cassandra.close();
    if (!failures.isEmpty()) {
      IllegalStateException failure =
          new IllegalStateException("could not remove every test resource");
      failures.forEach(failure::addSuppressed);
      throw failure;
    }
  }

  private static <T> T await(KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Kafka", e);
    }
  }
}
