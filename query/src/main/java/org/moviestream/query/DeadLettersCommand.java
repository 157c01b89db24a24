package org.moviestream.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.moviestream.cli.Flags;
import org.moviestream.cli.KafkaOptions;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.contract.Defaults;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.kafka.KafkaTopics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * query dead-letters: the most recent rejects on the dead-letter topic, with their reasons, each
 * source message once: a replay writes a reject again under the same key (its source
 * topic/partition/offset), and compaction removes older copies only in its own time.
 */
@Command(
    name = "dead-letters",
    mixinStandardHelpOptions = true,
    description = "Recent rejected messages and why they were rejected.")
final class DeadLettersCommand implements Callable<Integer> {

  private static final int PAYLOAD_WIDTH = 60;
  private static final int REPLAY_MARGIN = 4;

  @Mixin KafkaOptions kafka;

  @Option(
      names = Flags.DEAD_LETTER_TOPIC,
      defaultValue = Defaults.DEAD_LETTER_TOPIC,
      description = "dead-letter topic (default: ${DEFAULT-VALUE})")
  String topic;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "at most this many per partition (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  public Integer call() {
    KafkaSettings settings = kafka.settings();
    KafkaTopics.require(settings, List.of(topic), Duration.ofSeconds(10));
    ResultTable table = new ResultTable(List.of("reason", "detail", "source", "payload"));
    for (ConsumerRecord<String, String> record : latestPerKey(readTail(settings), limit)) {
      DeadLetterRecord deadLetter = DeadLetterRecord.fromJson(record.value());
      table.add(
          List.of(
              deadLetter.reason().name(),
              deadLetter.detail(),
              deadLetter.key(),
              abbreviate(deadLetter.payload())));
    }
    System.out.println(table.render());
    return 0;
  }

  /** The last {@code limit} records of each partition, read without joining a consumer group. */
  private List<ConsumerRecord<String, String>> readTail(KafkaSettings settings) {
    Map<String, Object> config =
        settings.consumer(
            Map.of(),
            Map.of(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      long remaining = 0;
      for (TopicPartition partition : partitions) {
        // Read further back than the limit: replayed copies are dropped afterwards.
        long start =
            Math.max(begins.get(partition), ends.get(partition) - (long) limit * REPLAY_MARGIN);
        consumer.seek(partition, start);
        remaining += ends.get(partition) - start;
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (remaining > 0 && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
            records.add(record);
            remaining--;
          }
        }
      }
    }
    return records;
  }

  /**
   * The last copy of each key, in the order the last copies were written; at most {@code limit},
   * the most recent.
   */
  static <V> List<ConsumerRecord<String, V>> latestPerKey(
      List<ConsumerRecord<String, V>> records, int limit) {
    Map<String, ConsumerRecord<String, V>> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, V> record : records) {
      String key =
          record.key() != null
              ? record.key()
              : record.topic() + "/" + record.partition() + "/" + record.offset();
      latest.remove(key);
      latest.put(key, record);
    }
    List<ConsumerRecord<String, V>> distinct = new ArrayList<>(latest.values());
    return distinct.subList(Math.max(0, distinct.size() - limit), distinct.size());
  }

  static String abbreviate(String text) {
    String oneLine = text.replaceAll("\\s+", " ");
    return oneLine.length() <= PAYLOAD_WIDTH
        ? oneLine
        : oneLine.substring(0, PAYLOAD_WIDTH - 3) + "...";
  }
}
