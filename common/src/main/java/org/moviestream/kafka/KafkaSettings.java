package org.moviestream.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.moviestream.cli.Flags;

/**
 * Where the brokers are and how to talk to them: the bootstrap servers and the client settings of a
 * Kafka properties file, as Kafka's own tools take it ({@code --command-config}: SASL, TLS,
 * timeouts). Every Kafka client a program opens is configured through one of these, so a secured
 * cluster needs nothing but the file.
 *
 * <p>A client's own settings come in two kinds: defaults, which the file may change (timeouts,
 * batching), and requirements its correctness rests on (acks, idempotence, manual commits), which
 * the file may repeat but not change. {@link #toString()} names the file's keys, never a value: the
 * file holds passwords.
 *
 * <p>Serialized, the settings are the brokers and the file's path, never its contents: a Spark
 * job's checkpoint files and task closures carry them, and they are read again from the file where
 * they are used (the file must be at the same path on every executor).
 */
public final class KafkaSettings implements Serializable {

  private static final long serialVersionUID = 1L;

  private final String bootstrapServers;
  private final String source;
  private final TreeMap<String, String> fromFile;

  private KafkaSettings(String bootstrapServers, String source, Map<String, String> fromFile) {
    this.bootstrapServers = Objects.requireNonNull(bootstrapServers);
    this.source = source;
    this.fromFile = new TreeMap<>(fromFile);
  }

  /** An open cluster: nothing but the brokers. */
  public static KafkaSettings of(String bootstrapServers) {
    return new KafkaSettings(bootstrapServers, null, Map.of());
  }

  /**
   * The brokers with the settings of {@code configFile} (none when it is null or blank); throws
   * {@link IllegalArgumentException} with a one-line reason when the file cannot be used, {@link
   * IllegalStateException} when a truststore or keystore it names is not there.
   */
  public static KafkaSettings load(String bootstrapServers, String configFile) {
    if (configFile == null || configFile.isBlank()) {
      return of(bootstrapServers);
    }
    Path path = Path.of(configFile);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("Kafka config file " + configFile + " does not exist");
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(path)) {
      properties.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "cannot read Kafka config file " + configFile + ": " + e.getMessage(), e);
    }
    Map<String, String> settings = new HashMap<>();
    properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
    if (settings.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
      throw new IllegalArgumentException(
          "Kafka config file "
              + configFile
              + " sets bootstrap.servers: give the brokers with "
              + Flags.BOOTSTRAP_SERVERS
              + " instead");
    }
    for (String store : List.of("ssl.truststore.location", "ssl.keystore.location")) {
      String location = settings.get(store);
      if (location != null && !Files.isRegularFile(Path.of(location))) {
        // Kafka's client would log a stack trace and say only the path.
        throw new IllegalStateException(
            "the file of " + store + " in " + configFile + " does not exist: " + location);
      }
    }
    return new KafkaSettings(bootstrapServers, configFile, settings);
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Where the client settings come from, for a message: the file, or that there is none. */
  public String source() {
    return source == null
        ? "no Kafka config file (give one with " + Flags.KAFKA_CONFIG + ")"
        : source;
  }

  /** The same settings for other brokers (a test's cluster, a node of it). */
  public KafkaSettings withBootstrapServers(String otherServers) {
    return new KafkaSettings(otherServers, source, fromFile);
  }

  /** A producer's configuration: {@code defaults}, then the file, then {@code required}. */
  public Map<String, Object> producer(Map<String, ?> defaults, Map<String, ?> required) {
    return merge(ProducerConfig.configNames(), defaults, required);
  }

  /** A consumer's configuration: {@code defaults}, then the file, then {@code required}. */
  public Map<String, Object> consumer(Map<String, ?> defaults, Map<String, ?> required) {
    return merge(ConsumerConfig.configNames(), defaults, required);
  }

  /** An admin client's configuration: {@code defaults}, then the file, then {@code required}. */
  public Map<String, Object> admin(Map<String, ?> defaults, Map<String, ?> required) {
    return merge(AdminClientConfig.configNames(), defaults, required);
  }

  /**
   * The file's settings this kind of client knows (one file serves producers, consumers and admin
   * clients), over {@code defaults}; {@code required} last, refusing a file that changes one.
   */
  private Map<String, Object> merge(
      Set<String> known, Map<String, ?> defaults, Map<String, ?> required) {
    Map<String, Object> config = new HashMap<>(defaults);
    fromFile.forEach(
        (key, value) -> {
          if (known.contains(key)) {
            config.put(key, value);
          }
        });
    required.forEach(
        (key, value) -> {
          String set = fromFile.get(key);
          if (set != null && !set.equals(String.valueOf(value))) {
            throw new IllegalArgumentException(
                "Kafka config file "
                    + source
                    + " sets "
                    + key
                    + ", which this program needs to be "
                    + value
                    + ": remove it from the file");
          }
          config.put(key, value);
        });
    config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return config;
  }

  /** What travels when serialized: the brokers and the file's path, no password. */
  private Object writeReplace() {
    return new Serialized(bootstrapServers, source);
  }

  private void readObject(java.io.ObjectInputStream in) throws java.io.InvalidObjectException {
    throw new java.io.InvalidObjectException("KafkaSettings travel as their file's path");
  }

  private record Serialized(String bootstrapServers, String source) implements Serializable {
    private Object readResolve() {
      return load(bootstrapServers, source);
    }
  }

  @Override
  public String toString() {
    return source == null
        ? bootstrapServers
        : bootstrapServers + " with " + source + " " + fromFile.keySet();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KafkaSettings that
        && bootstrapServers.equals(that.bootstrapServers)
        && Objects.equals(source, that.source)
        && fromFile.equals(that.fromFile);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bootstrapServers, source, fromFile);
  }
}
