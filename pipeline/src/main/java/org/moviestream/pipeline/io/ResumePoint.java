package org.moviestream.pipeline.io;

import java.time.Duration;
import java.util.Map;
import org.moviestream.pipeline.options.MovieRatingsOptions;

/** Before the job starts: the offsets it resumes at, said in one line. */
public final class ResumePoint {

  private ResumePoint() {}

  /** The group's committed offsets ("topic/partition" -> offset), committing the starting ones where there are none yet. */
  public static Map<String, Long> establish(MovieRatingsOptions options) {
    ConsumerGroupOffsets group = new ConsumerGroupOffsets(options.getBootstrapServers(), options.getConsumerGroup(), Duration.ofSeconds(15));
    try {
      Map<String, Long> resumedAt = group.resumePoint(options.getTopic(), options.getStartingOffsets());
      System.err.printf("Resuming consumer group %s at %s: %,d messages to read%n",
          options.getConsumerGroup(), describe(resumedAt), group.lag(options.getTopic(), resumedAt));
      return resumedAt;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the committed offsets", e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot read or set the committed offsets of group " + options.getConsumerGroup()
          + " on " + options.getBootstrapServers() + ": " + e.getMessage(), e);
    }
  }

  /** "movies_ratings 0:120 1:98 2:143". */
  public static String describe(Map<String, Long> offsets) {
    StringBuilder text = new StringBuilder();
    String topic = null;
    for (var entry : offsets.entrySet()) {
      int slash = entry.getKey().lastIndexOf('/');
      String entryTopic = entry.getKey().substring(0, slash);
      if (!entryTopic.equals(topic)) {
        text.append(topic == null ? "" : ", ").append(entryTopic);
        topic = entryTopic;
      }
      text.append(' ').append(entry.getKey().substring(slash + 1)).append(':').append(entry.getValue());
    }
    return text.length() == 0 ? "(no partitions)" : text.toString();
  }
}
