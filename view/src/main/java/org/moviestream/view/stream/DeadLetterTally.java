package org.moviestream.view.stream;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.moviestream.cli.Causes;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.SourceKey;
import org.moviestream.kafka.KafkaSettings;

/**
 * Reads the dead-letter topic from its beginning and keeps following it: a count per reason and the
 * latest few records. Runs on its own thread; reads no consumer group's offsets and commits none.
 */
public final class DeadLetterTally implements Runnable, AutoCloseable {

  /**
   * Records the tally could not read as dead letters (written by something else than the pipeline).
   */
  public static final String UNREADABLE = "UNREADABLE";

  private static final int LATEST = 10;

  /**
   * Source messages whose reason is remembered, to count a replayed dead letter once: the newest,
   * so that memory stays bounded however long the view runs (a replay of an older one counts
   * twice).
   */
  static final int REMEMBERED = 100_000;

  private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
  private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

  private final String topic;
  private final KafkaConsumer<String, String> consumer;
  private final Map<String, Long> byReason = new TreeMap<>();
  private final Deque<DeadLetterRecord> latest = new ArrayDeque<>();

  /**
   * The reason of each source message's dead letter: a replay writes a message's dead letter again
   * under the same key, and the compacted topic (like bin/query dead-letters) keeps one.
   */
  private final Map<SourceKey, String> reasons =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<SourceKey, String> eldest) {
          return size() > REMEMBERED;
        }
      };

  private long total;
  private volatile String error = "not read yet";
  private volatile boolean started;
  private volatile boolean closing;
  private final CountDownLatch closed = new CountDownLatch(1);

  public DeadLetterTally(KafkaSettings kafka, String topic) {
    this.topic = topic;
    this.consumer =
        new KafkaConsumer<>(
            kafka.consumer(
                Map.of(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000),
                Map.of(
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    false,
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                    false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName(),
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName())));
  }

  /** The dead letters so far: how many, per reason, and the latest first. */
  public record Summary(
      long total, Map<String, Long> byReason, List<DeadLetterRecord> latest, String error) {}

  public synchronized Summary summary() {
    List<DeadLetterRecord> newestFirst = new ArrayList<>(latest);
    java.util.Collections.reverse(newestFirst);
    return new Summary(total, new TreeMap<>(byReason), newestFirst, error);
  }

  @Override
  public void run() {
    started = true;
    Duration wait = FIRST_WAIT;
    try {
      while (!closing) {
        try {
          assignFromBeginning();
          while (!closing) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
              count(record.value());
            }
            error = null;
            wait = FIRST_WAIT;
          }
        } catch (WakeupException e) {
          throw e;
        } catch (RuntimeException e) {
          // The topic deleted, a login revoked, a broker's error: read it all again once it works.
          error = "reading " + topic + " failed (" + Causes.rootMessage(e) + "); trying again";
          forget();
          pause(wait);
          wait = longer(wait);
        }
      }
    } catch (WakeupException closed) {
      // close() ends the loop
    } finally {
      consumer.close(Duration.ofSeconds(1));
    }
  }

  /** Waits, backing off, until the topic's partitions are known, then reads them from the start. */
  private void assignFromBeginning() {
    Duration wait = FIRST_WAIT;
    while (!closing) {
      try {
        List<TopicPartition> partitions =
            consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        if (!partitions.isEmpty()) {
          consumer.assign(partitions);
          consumer.seekToBeginning(partitions);
          return;
        }
        error = "the dead-letter topic " + topic + " does not exist yet";
      } catch (org.apache.kafka.common.errors.TimeoutException e) {
        error = "Kafka does not answer: " + Causes.rootMessage(e);
      }
      pause(wait);
      wait = longer(wait);
    }
  }

  private static Duration longer(Duration wait) {
    Duration doubled = wait.multipliedBy(2);
    return doubled.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubled;
  }

  /** Sleeps for {@code wait}, or less when the tally is closed meanwhile. */
  private void pause(Duration wait) {
    try {
      if (closed.await(wait.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new WakeupException();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WakeupException();
    }
  }

  /** The tally from scratch, before the topic is read again from its beginning. */
  private synchronized void forget() {
    reasons.clear();
    byReason.clear();
    latest.clear();
    total = 0;
  }

  synchronized void count(String json) {
    try {
      DeadLetterRecord record = DeadLetterRecord.fromJson(json);
      String before = reasons.put(record.source(), record.reason().name());
      if (before == null) {
        total++;
      } else {
        byReason.merge(before, -1L, Long::sum);
        byReason.remove(before, 0L);
        latest.removeIf(seen -> seen.source().equals(record.source()));
      }
      byReason.merge(record.reason().name(), 1L, Long::sum);
      latest.addLast(record);
      if (latest.size() > LATEST) {
        latest.removeFirst();
      }
    } catch (IllegalArgumentException e) {
      total++;
      byReason.merge(UNREADABLE, 1L, Long::sum);
    }
  }

  @Override
  public void close() {
    closing = true;
    closed.countDown();
    if (started) {
      consumer.wakeup(); // run() closes the consumer on its own thread
    } else {
      consumer.close(Duration.ZERO);
    }
  }
}
