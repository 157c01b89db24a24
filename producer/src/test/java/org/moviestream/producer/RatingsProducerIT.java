package org.moviestream.producer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The producer against the real broker of bin/stack: what it sends is what a consumer reads back. */
class RatingsProducerIT {

  private static final String BROKER = "127.0.0.1:29092";

  @Test
  void sends150RatingsThatAConsumerReadsBackKeyedByName() throws Exception {
    String topic = "it-ratings-" + UUID.randomUUID();
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER))) {
      admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
    }
    Instant before = Instant.now();
    String catalog = Path.of(System.getProperty("project.root", ".."), "data", "netflix.csv").toString();

    int exit = RatingsProducer.run("--count", "150", "--topic", topic, "--bootstrap-servers", BROKER, "--seed", "7", "--catalog", catalog);

    assertEquals(0, exit);
    List<ConsumerRecord<String, String>> records = consumeAll(topic, 150, Duration.ofSeconds(60));
    assertEquals(150, records.size());
    ObjectMapper mapper = new ObjectMapper();
    for (ConsumerRecord<String, String> record : records) {
      JsonNode json = mapper.readTree(record.value());
      assertEquals(record.key(), json.get("name").asText());
      assertTrue(json.get("movie").asText().length() > 0);
      int rating = json.get("rating").intValue();
      assertTrue(rating >= 1 && rating <= 10, "rating " + rating);
      Instant timestamp = OffsetDateTime.parse(json.get("timestamp").asText()).toInstant();
      assertTrue(!timestamp.isBefore(before.minusSeconds(1)), "timestamp " + timestamp);
    }
    assertTrue(records.stream().anyMatch(r -> r.key().equals("Stelios Giagkos")), "the owner rated something");
  }

  /** Reads the topic from the start until {@code expected} records arrived and no more come. */
  private static List<ConsumerRecord<String, String>> consumeAll(String topic, int expected, Duration timeout) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BROKER);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      int emptyPollsAfterExpected = 0;
      while (System.nanoTime() < deadline && emptyPollsAfterExpected < 3) {
        var batch = consumer.poll(Duration.ofMillis(500));
        batch.forEach(records::add);
        if (records.size() >= expected && batch.isEmpty()) {
          emptyPollsAfterExpected++;
        }
      }
    }
    return records;
  }
}
