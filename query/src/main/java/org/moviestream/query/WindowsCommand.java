package org.moviestream.query;

import java.util.concurrent.Callable;
import org.moviestream.cassandra.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** query windows: a person's 30-second windows from ratings_per_window, newest first. */
@Command(
    name = "windows",
    mixinStandardHelpOptions = true,
    description = "A person's per-window aggregates, newest first.")
final class WindowsCommand implements Callable<Integer> {

  @Mixin CassandraQueries cassandra;

  @Mixin PersonOption person;

  @Option(
      names = "--limit",
      defaultValue = "20",
      description = "how many windows (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  public Integer call() {
    cassandra.printTable(
        "SELECT window_start, window_end, ratings, avg_rating_movie, avg_duration"
            + " FROM %s."
            + Tables.RATINGS_PER_WINDOW
            + " WHERE name = ? LIMIT ?",
        person.name,
        limit);
    return 0;
  }
}
