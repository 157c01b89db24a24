package org.moviestream.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.moviestream.kafka.KafkaTopics.TopicSpec;

class TopicSpecTest {

  @Test
  void readsNamePartitionsAndConfigs() {
    assertEquals(new TopicSpec("movies_ratings", 3, Map.of()), TopicSpec.parse("movies_ratings:3"));
    assertEquals(
        new TopicSpec("dlq", 1, Map.of("cleanup.policy", "compact", "retention.ms", "1000")),
        TopicSpec.parse("dlq:1:cleanup.policy=compact,retention.ms=1000"));
    assertEquals(
        new TopicSpec(
            "dlq", 1, Map.of("cleanup.policy", "compact,delete", "retention.ms", "2592000000")),
        TopicSpec.parse("dlq:1:cleanup.policy=[compact,delete],retention.ms=2592000000"),
        "a list value in brackets is one setting");
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThrows(IllegalArgumentException.class, () -> TopicSpec.parse("movies_ratings"));
    assertThrows(IllegalArgumentException.class, () -> TopicSpec.parse("movies_ratings:zero"));
    assertThrows(IllegalArgumentException.class, () -> TopicSpec.parse("movies_ratings:0"));
    assertThrows(IllegalArgumentException.class, () -> TopicSpec.parse("dlq:1:compact"));
  }
}
