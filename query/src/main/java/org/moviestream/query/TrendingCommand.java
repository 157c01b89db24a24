package org.moviestream.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;
import org.moviestream.cassandra.Tables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** query trending: the most rated titles of a day's latest windows, from trending_titles. */
@Command(
    name = "trending",
    mixinStandardHelpOptions = true,
    description =
        "The most rated titles of the latest 30-second windows of a day (UTC), newest window first.")
final class TrendingCommand implements Callable<Integer> {

  @Mixin CassandraQueries cassandra;

  @Option(
      names = "--day",
      converter = Timestamps.InstantConverter.class,
      description = "the day, UTC (default: today)")
  Instant day = Instant.now();

  @Option(
      names = "--limit",
      defaultValue = "3",
      description = "how many windows (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  public Integer call() {
    LocalDate partition = day.atOffset(ZoneOffset.UTC).toLocalDate();
    cassandra.printTable(
        "SELECT window_start, window_ratings, titles, title_ratings"
            + " FROM %s."
            + Tables.TRENDING_TITLES
            + " WHERE day = ? LIMIT ?",
        partition,
        limit);
    return 0;
  }
}
