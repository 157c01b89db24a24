package org.moviestream.pipeline.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.moviestream.kafka.KafkaSettings;

/** The JVM's Kafka admin client per broker list ({@link JvmResources}), and the topics' ids. */
public final class KafkaAdmin {

  /**
   * Topic ids looked up in this JVM: a topic deleted and re-created while a job runs needs a new
   * job anyway (its commits and dead-letter keys carry the id the job started with).
   */
  private static final Map<String, String> TOPIC_IDS = new ConcurrentHashMap<>();

  private KafkaAdmin() {}

  /** The shared admin client of {@code kafka}; its calls time out after {@code timeout}. */
  public static Admin of(KafkaSettings kafka, Duration timeout) {
    return JvmResources.shared(
        Map.entry("admin", kafka),
        () ->
            Admin.create(
                kafka.admin(
                    Map.of(
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                            (int) Math.min(timeout.toMillis(), 10_000)),
                    Map.of())),
        admin -> admin.close(Duration.ofSeconds(2)));
  }

  /** The id of {@code topic}, asked of Kafka once per JVM. */
  public static String topicId(KafkaSettings kafka, String topic, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    String known = TOPIC_IDS.get(topic);
    if (known == null) {
      known =
          of(kafka, timeout)
              .describeTopics(List.of(topic))
              .allTopicNames()
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .get(topic)
              .topicId()
              .toString();
      TOPIC_IDS.put(topic, known);
    }
    return known;
  }
}
