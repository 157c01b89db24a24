package org.moviestream.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.moviestream.contract.Defaults;

/**
 * Checks, before any work starts, that the broker answers and the topics exist; creates them for
 * bin/stack.
 */
public final class KafkaTopics {

  private KafkaTopics() {}

  /**
   * Throws {@link IllegalStateException} with a one-line reason when Kafka or a topic is missing.
   */
  public static void require(KafkaSettings kafka, List<String> topics, Duration timeout) {
    String bootstrapServers = kafka.bootstrapServers();
    try (Admin admin = Admin.create(config(kafka, timeout))) {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          // A topic this user may not describe is left out of the list as if it did not exist;
          // describing it says which.
          try {
            admin
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
          } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
              throw e;
            }
          }
          throw new IllegalStateException(
              "topic '"
                  + topic
                  + "' does not exist on Kafka at "
                  + bootstrapServers
                  + " (bin/stack start creates "
                  + Defaults.RATINGS_TOPIC
                  + " and "
                  + Defaults.DEAD_LETTER_TOPIC
                  + ")");
        }
      }
    } catch (ExecutionException e) {
      throw KafkaFailures.refused(kafka, e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "cannot reach Kafka at "
              + bootstrapServers
              + " within "
              + timeout.toSeconds()
              + "s (is the stack up? run: bin/stack start)",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to Kafka", e);
    } catch (KafkaException e) {
      throw KafkaFailures.refused(kafka, e);
    }
  }

  /**
   * A topic as {@code bin/stack} wants it: "name:partitions[:key=value,...]" (topic-level configs).
   */
  public record TopicSpec(String name, int partitions, Map<String, String> configs) {

    public static TopicSpec parse(String spec) {
      String[] parts = spec.split(":", 3);
      if (parts.length < 2 || parts[0].isBlank() || !parts[1].matches("[1-9]\\d{0,4}")) {
        throw new IllegalArgumentException("'" + spec + "' is not name:partitions[:key=value,...]");
      }
      Map<String, String> configs = new TreeMap<>();
      if (parts.length == 3 && !parts[2].isBlank()) {
        // Commas outside brackets part the settings; a list value is bracketed, as Kafka's
        // kafka-configs takes it: cleanup.policy=[compact,delete].
        for (String config : parts[2].split(",(?![^\\[]*\\])")) {
          String[] keyValue = config.split("=", 2);
          if (keyValue.length != 2 || keyValue[0].isBlank()) {
            throw new IllegalArgumentException(
                "'" + config + "' in '" + spec + "' is not key=value");
          }
          configs.put(keyValue[0].strip(), keyValue[1].strip().replaceAll("^\\[(.*)\\]$", "$1"));
        }
      }
      return new TopicSpec(parts[0].strip(), Integer.parseInt(parts[1]), configs);
    }
  }

  /**
   * Creates each topic that does not exist yet, {@code replicationFactor} copies of each partition,
   * and sets its configs, also on one made earlier without them. Partitions and replicas of an
   * existing topic are left as they are.
   */
  public static void ensure(
      KafkaSettings kafka, List<TopicSpec> topics, short replicationFactor, Duration timeout) {
    String bootstrapServers = kafka.bootstrapServers();
    try (Admin admin = Admin.create(config(kafka, timeout))) {
      Set<String> existing =
          admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      List<NewTopic> missing =
          topics.stream()
              .filter(topic -> !existing.contains(topic.name()))
              .map(
                  topic ->
                      new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                          .configs(topic.configs()))
              .toList();
      admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      Map<ConfigResource, Collection<AlterConfigOp>> alterations = new HashMap<>();
      for (TopicSpec topic : topics) {
        if (existing.contains(topic.name()) && !topic.configs().isEmpty()) {
          alterations.put(
              new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
              topic.configs().entrySet().stream()
                  .map(
                      e ->
                          new AlterConfigOp(
                              new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET))
                  .toList());
        }
      }
      admin
          .incrementalAlterConfigs(alterations)
          .all()
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "cannot reach Kafka at " + bootstrapServers + " within " + timeout.toSeconds() + "s", e);
    } catch (ExecutionException e) {
      throw KafkaFailures.refused(kafka, e.getCause());
    } catch (KafkaException e) {
      throw KafkaFailures.refused(kafka, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    }
  }

  private static Map<String, Object> config(KafkaSettings kafka, Duration timeout) {
    return kafka.admin(
        Map.of(
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis()),
        Map.of());
  }
}
