package org.moviestream.cli;

/**
 * The command-line tools' spelling of the facts they share, in one place (the pipeline takes the
 * same facts as Beam options: --bootstrapServers, --topic, --deadLetterTopic, --consumerGroup,
 * --cassandraHosts, --cassandraPort, --keyspace).
 */
public final class Flags {

  public static final String BOOTSTRAP_SERVERS = "--bootstrap-servers";
  public static final String TOPIC = "--topic";
  public static final String DEAD_LETTER_TOPIC = "--dead-letter-topic";
  public static final String CONSUMER_GROUP = "--consumer-group";
  public static final String CASSANDRA_HOST = "--cassandra-host";
  public static final String CASSANDRA_PORT = "--cassandra-port";
  public static final String KEYSPACE = "--keyspace";

  private Flags() {}
}
