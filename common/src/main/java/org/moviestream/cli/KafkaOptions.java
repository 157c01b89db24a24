package org.moviestream.cli;

import org.moviestream.contract.Defaults;
import org.moviestream.kafka.KafkaSettings;
import picocli.CommandLine.Option;

/** The options of every tool that talks to Kafka: where the brokers are and how to log in. */
public final class KafkaOptions {

  @Option(
      names = Flags.BOOTSTRAP_SERVERS,
      defaultValue = Defaults.BOOTSTRAP_SERVERS,
      description = "Kafka brokers, comma-separated (default: ${DEFAULT-VALUE})")
  String bootstrapServers;

  @Option(
      names = Flags.KAFKA_CONFIG,
      paramLabel = "FILE",
      description =
          "Kafka client properties (SASL, TLS, timeouts), as Kafka's tools take --command-config")
  String configFile;

  /** The brokers and the file's settings; {@link IllegalArgumentException} if it is unusable. */
  public KafkaSettings settings() {
    return KafkaSettings.load(bootstrapServers, configFile);
  }
}
