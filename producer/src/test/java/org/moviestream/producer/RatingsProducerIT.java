package org.moviestream.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.moviestream.contract.Defaults;
import org.moviestream.contract.RatingMessage;
import org.moviestream.testing.Project;
import org.moviestream.testing.StackResources;

/**
 * The producer against the real broker of bin/stack: what it sends is what a consumer reads back.
 */
class RatingsProducerIT {

  @Test
  void sends150RatingsThatAConsumerReadsBackKeyedByName() throws Exception {
    try (StackResources stack = StackResources.onLocalStack()) {
      String topic = stack.createTopic(StackResources.uniqueName("it_ratings"), 3, Map.of());
      Instant before = Instant.now();
      String catalog = Project.file("data/netflix.csv").toString();

      int exit =
          RatingsProducer.run(
              "--count",
              "150",
              "--topic",
              topic,
              "--bootstrap-servers",
              stack.bootstrapServers(),
              "--seed",
              "7",
              "--catalog",
              catalog);

      assertEquals(0, exit);
      List<ConsumerRecord<String, String>> records =
          stack.readTopic(topic, 150, Duration.ofSeconds(60));
      assertEquals(150, records.size());
      for (ConsumerRecord<String, String> record : records) {
        // Strict ISO-8601 with an offset: the zone given here must not matter.
        RatingMessage rating = RatingMessage.parse(record.value(), ZoneOffset.ofHours(5));
        assertEquals(record.key(), rating.name());
        assertTrue(rating.movie().length() > 0);
        assertTrue(
            !rating.timestamp().isBefore(before.minusSeconds(1)),
            "timestamp " + rating.timestamp());
        assertTrue(record.value().contains("Z\"}"), "UTC timestamp: " + record.value());
      }
      assertTrue(
          records.stream().anyMatch(r -> r.key().equals(Defaults.OWNER)),
          "the owner rated something");
    }
  }
}
