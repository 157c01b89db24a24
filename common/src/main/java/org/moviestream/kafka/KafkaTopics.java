package org.moviestream.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/** Checks, before any work starts, that the broker answers and the topics exist. */
public final class KafkaTopics {

  private KafkaTopics() {}

  /** Throws {@link IllegalStateException} with a one-line reason when Kafka or a topic is missing. */
  public static void require(String bootstrapServers, List<String> topics, Duration timeout) {
    Properties config = new Properties();
    config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
    try (Admin admin = Admin.create(config)) {
      Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      for (String topic : topics) {
        if (!existing.contains(topic)) {
          throw new IllegalStateException("topic '" + topic + "' does not exist on Kafka at " + bootstrapServers
              + " (bin/stack start creates movies_ratings and movies_ratings_dlq)");
        }
      }
    } catch (TimeoutException | ExecutionException e) {
      throw new IllegalStateException("cannot reach Kafka at " + bootstrapServers + " within "
          + timeout.toSeconds() + "s (is the stack up? run: bin/stack start)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to Kafka", e);
    } catch (KafkaException e) {
      throw new IllegalStateException("cannot use Kafka at " + bootstrapServers + ": " + e.getMessage(), e);
    }
  }
}
