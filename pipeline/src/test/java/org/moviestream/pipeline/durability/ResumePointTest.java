package org.moviestream.pipeline.durability;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.junit.Test;
import org.moviestream.contract.PartitionKey;

public class ResumePointTest {

  @Test
  public void offsetsAreDescribedPerTopicInPartitionOrder() {
    Map<String, Long> offsets =
        new TreeMap<>(
            Map.of(
                PartitionKey.of("movies_ratings", 0),
                120L,
                PartitionKey.of("movies_ratings", 2),
                143L,
                PartitionKey.of("movies_ratings", 1),
                98L,
                PartitionKey.of("a/b", 0),
                7L));

    assertEquals("a/b 0:7, movies_ratings 0:120 1:98 2:143", ResumePoint.describe(offsets));
    assertEquals("(no partitions)", ResumePoint.describe(Map.of()));
  }

  @Test
  public void aPartitionKeyIsReadBackEvenWhenTheTopicHasASlash() {
    assertEquals(
        new TopicPartition("a/b", 3), PartitionKey.topicPartition(PartitionKey.of("a/b", 3)));
    assertThrows(IllegalArgumentException.class, () -> PartitionKey.topicPartition("no-slash"));
  }
}
