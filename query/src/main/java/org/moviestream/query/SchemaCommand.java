package org.moviestream.query;

import java.util.concurrent.Callable;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.Schema;
import org.moviestream.cli.Flags;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** query schema: applies cassandra/schema.cql, replicated as asked (what bin/stack start does). */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    description = "Apply cassandra/schema.cql to the keyspace; safe to apply again.")
final class SchemaCommand implements Callable<Integer> {

  @Mixin CassandraQueries cassandra;

  @Option(
      names = Flags.REPLICATION_FACTOR,
      defaultValue = "1",
      description =
          "nodes that keep each row of a new keyspace (default: ${DEFAULT-VALUE}; 3 on a cluster)")
  int replicationFactor;

  @Option(
      names = {"-q", "--quiet"},
      description = "print nothing but errors")
  boolean quiet;

  @Override
  public Integer call() {
    try (CassandraConnection connection = cassandra.connect()) {
      for (String statement : Schema.statements(cassandra.keyspace(), replicationFactor)) {
        connection.session().execute(statement);
      }
    }
    if (!quiet) {
      System.out.println(
          "schema applied to keyspace "
              + cassandra.keyspace()
              + " (replication factor "
              + replicationFactor
              + " for a new keyspace)");
    }
    return 0;
  }
}
