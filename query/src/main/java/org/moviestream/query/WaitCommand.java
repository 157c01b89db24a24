package org.moviestream.query;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.moviestream.cassandra.CassandraConnection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * query wait: waits until more than N ratings are stored (for one person or in all); prints the
 * count reached. Exit 0 when reached, {@value #TIMED_OUT} when the time ran out.
 */
@Command(
    name = "wait",
    mixinStandardHelpOptions = true,
    description =
        "Wait until more than --more-than ratings are stored; exit 0 when so, "
            + WaitCommand.TIMED_OUT
            + " on timeout.")
final class WaitCommand implements Callable<Integer> {

  static final int TIMED_OUT = 3;

  @Mixin CassandraQueries cassandra;

  @Option(names = "--name", description = "only this person's ratings (default: all)")
  String name;

  @Option(
      names = "--more-than",
      defaultValue = "0",
      description = "the count to exceed (default: ${DEFAULT-VALUE})")
  long moreThan;

  @Option(
      names = "--timeout",
      defaultValue = "120",
      description = "seconds to wait at most (default: ${DEFAULT-VALUE})")
  int timeoutSeconds;

  @Option(
      names = "--every",
      defaultValue = "2",
      description = "seconds between two counts (default: ${DEFAULT-VALUE})")
  int everySeconds;

  @Override
  public Integer call() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    try (CassandraConnection connection = cassandra.connectToKeyspace()) {
      while (true) {
        long count = RowCount.of(connection.session(), cassandra.keyspace(), name);
        if (count > moreThan || System.nanoTime() >= deadline) {
          System.out.println(count);
          return count > moreThan ? 0 : TIMED_OUT;
        }
        Thread.sleep(Duration.ofSeconds(everySeconds).toMillis());
      }
    }
  }
}
