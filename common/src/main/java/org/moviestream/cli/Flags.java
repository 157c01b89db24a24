package org.moviestream.cli;

/**
 * The command-line tools' spelling of the facts they share, in one place (the pipeline takes the
 * same facts as Beam options: --bootstrapServers, --topic, --deadLetterTopic, --consumerGroup,
 * --kafkaConfig, --cassandraHosts, --cassandraConfig, --cassandraPort, --keyspace,
 * --cassandraConsistency).
 */
public final class Flags {

  public static final String BOOTSTRAP_SERVERS = "--bootstrap-servers";
  public static final String TOPIC = "--topic";
  public static final String DEAD_LETTER_TOPIC = "--dead-letter-topic";
  public static final String CONSUMER_GROUP = "--consumer-group";

  /** A Kafka client properties file (SASL, TLS, timeouts), as Kafka's tools' --command-config. */
  public static final String KAFKA_CONFIG = "--kafka-config";

  /** Contact points, comma-separated: any one that answers is enough to start. */
  public static final String CASSANDRA_HOSTS = "--cassandra-hosts";

  /** The older, singular spelling, still taken. */
  public static final String CASSANDRA_HOST = "--cassandra-host";

  public static final String CASSANDRA_PORT = "--cassandra-port";

  /** A Cassandra Java driver configuration file (login, TLS truststore, local datacenter). */
  public static final String CASSANDRA_CONFIG = "--cassandra-config";

  public static final String KEYSPACE = "--keyspace";
  public static final String REPLICATION_FACTOR = "--replication-factor";

  private Flags() {}
}
