package org.moviestream.query;

import java.util.concurrent.Callable;
import org.moviestream.cassandra.CassandraConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** query count: the number of a person's rows (or of all rows), printed bare for scripts. */
@Command(
    name = "count",
    mixinStandardHelpOptions = true,
    description = "Print how many ratings are stored, for one person or in all.")
final class CountCommand implements Callable<Integer> {

  @Mixin CassandraQueries cassandra;

  @Option(names = "--name", description = "only this person's ratings (default: all)")
  String name;

  @Override
  public Integer call() {
    try (CassandraConnection connection = cassandra.connectToKeyspace()) {
      System.out.println(RowCount.of(connection.session(), cassandra.keyspace(), name));
    }
    return 0;
  }
}
