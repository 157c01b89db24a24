package org.moviestream.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSettingsTest {

  private static final String SECRET = "s3cret-Pa55";

  @TempDir Path dir;

  private String file(String text) throws IOException {
    Path path = dir.resolve("client.properties");
    Files.writeString(path, text);
    return path.toString();
  }

  private String secured() throws IOException {
    return file(
        "security.protocol=SASL_SSL\n"
            + "sasl.mechanism=SCRAM-SHA-512\n"
            + "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"app\" password=\""
            + SECRET
            + "\";\n"
            + "acks=all\n"
            + "request.timeout.ms=60000\n"
            + "max.poll.records=100\n");
  }

  @Test
  void theFilesSettingsReachEveryKindOfClientThatKnowsThem() throws IOException {
    KafkaSettings kafka = KafkaSettings.load("b1:9092,b2:9092", secured());
    Map<String, Object> admin = kafka.admin(Map.of(), Map.of());
    assertEquals("SASL_SSL", admin.get("security.protocol"));
    assertEquals("b1:9092,b2:9092", admin.get("bootstrap.servers"));
    assertFalse(admin.containsKey("acks"), "a producer setting is not given to an admin client");
    assertFalse(admin.containsKey("max.poll.records"));
    assertEquals("100", kafka.consumer(Map.of(), Map.of()).get("max.poll.records"));
    assertEquals("all", kafka.producer(Map.of(), Map.of()).get("acks"));
  }

  @Test
  void theFileChangesDefaultsButNotRequirements() throws IOException {
    KafkaSettings kafka = KafkaSettings.load("b:9092", secured());
    Map<String, Object> producer =
        kafka.producer(
            Map.of("request.timeout.ms", 5_000, "linger.ms", 5),
            Map.of("acks", "all", "enable.idempotence", true));
    assertEquals("60000", producer.get("request.timeout.ms"));
    assertEquals(5, producer.get("linger.ms"));
    assertEquals(true, producer.get("enable.idempotence"));
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class, () -> kafka.producer(Map.of(), Map.of("acks", "1")));
    assertTrue(refused.getMessage().contains("sets acks, which this program needs to be 1"));
  }

  @Test
  void noFileMeansOnlyTheBrokers() {
    KafkaSettings kafka = KafkaSettings.load("b:9092", " ");
    assertEquals(Map.of("bootstrap.servers", "b:9092"), kafka.admin(Map.of(), Map.of()));
    assertEquals(KafkaSettings.of("b:9092"), kafka);
  }

  @Test
  void anUnusableFileIsOneLine() throws IOException {
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> KafkaSettings.load("b:9092", dir.resolve("nope.properties").toString()));
    assertTrue(missing.getMessage().endsWith("nope.properties does not exist"));
    String brokersInFile = file("bootstrap.servers=elsewhere:9092\n");
    IllegalArgumentException twice =
        assertThrows(
            IllegalArgumentException.class, () -> KafkaSettings.load("b:9092", brokersInFile));
    assertTrue(twice.getMessage().contains("--bootstrap-servers"));
  }

  @Test
  void neverShowsAValueButSurvivesSerialization() throws Exception {
    KafkaSettings kafka = KafkaSettings.load("b:9092", secured());
    assertFalse(kafka.toString().contains(SECRET));
    assertTrue(kafka.toString().contains("sasl.jaas.config"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(kafka);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      KafkaSettings copy = (KafkaSettings) in.readObject();
      assertEquals(kafka, copy);
      assertEquals(
          kafka.consumer(Map.of(), Map.of()).get("sasl.jaas.config"),
          copy.consumer(Map.of(), Map.of()).get("sasl.jaas.config"));
    }
  }

  @Test
  void serializedTheyAreTheFilesPathNotItsPasswordAndReadItAgainWhereTheyArrive() throws Exception {
    KafkaSettings kafka = KafkaSettings.load("b1:9092", secured());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(kafka);
    }
    String written = bytes.toString(StandardCharsets.ISO_8859_1);
    assertFalse(written.contains(SECRET), "the password is in the serialized settings");
    assertTrue(written.contains("client.properties"), "the file's path travels");
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      KafkaSettings arrived = (KafkaSettings) in.readObject();
      assertEquals(kafka, arrived);
      assertTrue(
          String.valueOf(arrived.consumer(Map.of(), Map.of()).get("sasl.jaas.config"))
              .contains(SECRET));
    }
  }
}
