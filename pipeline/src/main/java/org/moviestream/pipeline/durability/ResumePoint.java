package org.moviestream.pipeline.durability;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.moviestream.contract.PartitionKey;
import org.moviestream.pipeline.options.KafkaReadOptions;
import org.moviestream.pipeline.options.OptionsParser;

/** Before the job starts: the offsets it resumes at, said in one line. */
public final class ResumePoint {

  private ResumePoint() {}

  /**
   * The group's committed offsets ("topic/partition" -> offset), committing the starting ones where
   * there are none yet.
   */
  public static Map<String, Long> establish(KafkaReadOptions options, Committer committer) {
    ConsumerGroupOffsets group =
        new ConsumerGroupOffsets(
            OptionsParser.kafka(options), options.getConsumerGroup(), Duration.ofSeconds(15));
    try {
      Map<String, Long> resumedAt =
          group.resumePoint(
              options.getTopic(),
              options.getStartingOffsets(),
              committer,
              options.getAdoptOffsets());
      System.err.printf(
          "Resuming consumer group %s at %s: %,d messages to read%n",
          options.getConsumerGroup(),
          describe(resumedAt),
          group.lag(options.getTopic(), resumedAt));
      return resumedAt;
    } catch (IllegalArgumentException refused) {
      throw refused; // a setup error, said in one line
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the committed offsets", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot read or set the committed offsets of group "
              + options.getConsumerGroup()
              + " on "
              + options.getBootstrapServers()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** "movies_ratings 0:120 1:98 2:143". */
  public static String describe(Map<String, Long> offsets) {
    StringBuilder text = new StringBuilder();
    String topic = null;
    for (var entry : offsets.entrySet()) {
      TopicPartition partition = PartitionKey.topicPartition(entry.getKey());
      if (!partition.topic().equals(topic)) {
        text.append(topic == null ? "" : ", ").append(partition.topic());
        topic = partition.topic();
      }
      text.append(' ').append(partition.partition()).append(':').append(entry.getValue());
    }
    return text.length() == 0 ? "(no partitions)" : text.toString();
  }
}
