package org.moviestream.pipeline.faults;

import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.RatingMessage;
import org.moviestream.contract.SourceKey;
import org.moviestream.testing.StackResources;

/**
 * The premature-commit detector: while a fault test runs, samples the pipeline group's committed
 * offsets every half second and checks that every offset below them already has its row in
 * Cassandra (the row id is derived from the offset) or its dead letter on the dead-letter topic. A
 * commit that runs ahead of what is durable is a loss waiting for the next crash, even when the
 * final counts come out right.
 */
final class CommitWatch implements AutoCloseable {

  private final FaultRun run;
  private final Thread sampler;
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final Map<Integer, Long> checkedUpTo = new java.util.concurrent.ConcurrentHashMap<>();
  private final Set<String> deadLetterKeys = new HashSet<>();
  private volatile boolean running = true;
  private volatile long checked;
  private KafkaConsumer<String, String> deadLetters;

  private CommitWatch(FaultRun run) {
    this.run = run;
    this.sampler = new Thread(this::sample, "commit-watch");
    sampler.setDaemon(true);
  }

  static CommitWatch on(FaultRun run) {
    CommitWatch watch = new CommitWatch(run);
    watch.sampler.start();
    return watch;
  }

  /** Offsets found committed before their row or dead letter existed. */
  List<String> violations() {
    return List.copyOf(violations);
  }

  /**
   * Waits until every offset committed by now has been checked (the sampler may lag behind a fast
   * drain).
   */
  void awaitCaughtUp(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        Map<TopicPartition, OffsetAndMetadata> committed =
            run.resources().committedOffsets(run.group);
        boolean caughtUp =
            committed.entrySet().stream()
                .filter(e -> e.getKey().topic().equals(run.topic) && e.getValue() != null)
                .allMatch(
                    e ->
                        checkedUpTo.getOrDefault(e.getKey().partition(), 0L)
                            >= e.getValue().offset());
        if (caughtUp) {
          return;
        }
      } catch (RuntimeException e) {
        // try again
      }
      Thread.sleep(500);
    }
  }

  /** How many committed offsets were checked. */
  long checked() {
    return checked;
  }

  private void sample() {
    while (running) {
      try {
        checkOnce();
      } catch (RuntimeException e) {
        // Kafka or Cassandra is away (a fault test kills them): check again on the next round.
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void checkOnce() {
    StackResources stack = run.resources();
    Map<TopicPartition, OffsetAndMetadata> committed = stack.committedOffsets(run.group);
    pollDeadLetters(stack);
    for (var entry : committed.entrySet()) {
      if (entry.getValue() == null || !entry.getKey().topic().equals(run.topic)) {
        continue;
      }
      int partition = entry.getKey().partition();
      long from = checkedUpTo.getOrDefault(partition, 0L);
      long to = entry.getValue().offset();
      List<SourceKey> rows = new ArrayList<>();
      for (long offset = from; offset < to; offset++) {
        SourceKey source = new SourceKey(run.topic, partition, offset);
        Optional<RatingMessage> expected = run.expected(source);
        if (expected == null) {
          continue; // not sent by this run's bookkeeping (cannot happen in these tests)
        }
        if (expected.isEmpty()) {
          if (!deadLetterKeys.contains(source.toString())) {
            violations.add(source + " was committed before its dead letter was on the topic");
          }
        } else {
          rows.add(source);
        }
      }
      checkRows(stack, rows);
      checked += to - from;
      checkedUpTo.put(partition, Math.max(from, to));
    }
  }

  /**
   * Looks each row up by its person and time (200 lookups in flight at most) and checks that its id
   * is there.
   */
  private void checkRows(StackResources stack, List<SourceKey> sources) {
    String query =
        "SELECT id FROM " + run.keyspace + ".movie_ratings WHERE name = ? AND timestamp = ?";
    List<String> missing = new ArrayList<>();
    for (int start = 0; start < sources.size(); start += 200) {
      List<SourceKey> chunk = sources.subList(start, Math.min(sources.size(), start + 200));
      List<CompletableFuture<AsyncResultSet>> lookups = new ArrayList<>();
      for (SourceKey source : chunk) {
        RatingMessage rating = run.expected(source).orElseThrow();
        lookups.add(
            stack
                .session()
                .executeAsync(query, rating.name(), rating.timestamp())
                .toCompletableFuture());
      }
      for (int i = 0; i < chunk.size(); i++) {
        Set<UUID> ids = new HashSet<>();
        for (Row row : lookups.get(i).join().currentPage()) {
          ids.add(row.getUuid("id"));
        }
        if (!ids.contains(chunk.get(i).rowId())) {
          missing.add(chunk.get(i) + " was committed before its row was in Cassandra");
        }
      }
    }
    violations.addAll(
        missing); // only once every lookup answered: a failed round is checked again whole
  }

  /**
   * Reads the dead-letter topic up to its end as of now: every dead letter written before the
   * commit just read.
   */
  private void pollDeadLetters(StackResources stack) {
    if (deadLetters == null) {
      Properties config = new Properties();
      config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
      config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      config.put(
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      deadLetters = new KafkaConsumer<>(config);
      deadLetters.assign(List.of(new TopicPartition(run.deadLetterTopic, 0)));
      deadLetters.seekToBeginning(deadLetters.assignment());
    }
    Map<TopicPartition, Long> ends =
        deadLetters.endOffsets(deadLetters.assignment(), Duration.ofSeconds(5));
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    for (var end : ends.entrySet()) {
      while (deadLetters.position(end.getKey(), Duration.ofSeconds(5)) < end.getValue()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the dead-letter topic did not answer");
        }
        deadLetters
            .poll(Duration.ofMillis(200))
            .forEach(
                record ->
                    deadLetterKeys.add(
                        DeadLetterRecord.fromJson(record.value()).source().toString()));
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    sampler.interrupt();
    sampler.join(5_000);
    if (deadLetters != null) {
      deadLetters.close(Duration.ofSeconds(2));
    }
  }
}
