package org.moviestream.view.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.moviestream.cli.TimeArguments;
import org.moviestream.view.store.RatingsStore;
import org.moviestream.view.store.RatingsStore.Ranking;
import org.moviestream.view.store.RatingsStore.WindowRow;
import org.moviestream.view.store.ServiceDownException;
import org.moviestream.view.stream.DeadLetterTally;
import org.moviestream.view.stream.KafkaNodes;
import org.moviestream.view.stream.StreamMonitor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON API under /api, read-only. Bad input is a 400 with {"error": one line}; a service that
 * does not answer is a 503 with {"error": which and why}; never a stack trace.
 */
public final class ViewApi {

  static final int MAX_WINDOWS = 120;
  private static final Logger LOG = LoggerFactory.getLogger(ViewApi.class);

  private final RatingsStore store;
  private final StreamMonitor stream;
  private final DeadLetterTally deadLetters;
  private final Clock clock;

  public ViewApi(
      RatingsStore store, StreamMonitor stream, DeadLetterTally deadLetters, Clock clock) {
    this.store = store;
    this.stream = stream;
    this.deadLetters = deadLetters;
    this.clock = clock;
  }

  /** Whether each service answers now: the page's banner. */
  public record Status(
      boolean kafkaUp, String kafkaError, boolean cassandraUp, String cassandraError) {}

  /** The nodes of both clusters (one of each on the one-node stack). */
  public record Nodes(KafkaNodes kafka, List<RatingsStore.CassandraNode> cassandra) {}

  /** A person's windows among the latest, oldest first (as a chart draws them). */
  public record PersonWindows(String name, List<WindowRow> windows) {}

  public record AverageDurationAnswer(
      String name,
      Instant from,
      Instant to,
      Double avgDurationMinutes,
      long movies,
      long ratings) {}

  public record HourAnswer(String name, Instant hour, List<RatingsStore.RatedTitle> ratings) {}

  public void register(Javalin app) {
    app.get("/api/status", ctx -> ctx.json(status()));
    app.get("/api/throughput", ctx -> ctx.json(stream.throughput()));
    app.get("/api/people", ctx -> ctx.json(store.people()));
    app.get("/api/windows", ctx -> ctx.json(windows(count(ctx, "windows", 10))));
    app.get(
        "/api/trending",
        ctx -> ctx.json(trending(ctx.queryParam("day"), count(ctx, "windows", 3))));
    app.get("/api/avg-duration", this::averageDuration);
    app.get("/api/movies", this::movies);
    app.get("/api/dead-letters", ctx -> ctx.json(deadLetters.summary()));
    app.get("/api/nodes", ctx -> ctx.json(new Nodes(stream.nodes(), store.nodes())));
    app.exception(
        BadRequestException.class,
        (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
    app.exception(
        ServiceDownException.class,
        (e, ctx) -> ctx.status(503).json(Map.of("error", e.getMessage())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          ctx.status(500)
              .json(
                  Map.of(
                      "error",
                      "the view failed to answer ("
                          + e.getClass().getSimpleName()
                          + "); its log has the details"));
        });
  }

  Status status() {
    String cassandraError = store.problem();
    return new Status(stream.isUp(), stream.error(), cassandraError == null, cassandraError);
  }

  /**
   * The windows of the stream's last {@code count} window lengths (up to its newest window), per
   * person who has a rating in them: someone who stopped rating an hour ago is not in the chart.
   */
  List<PersonWindows> windows(int count) {
    Map<String, List<WindowRow>> perPerson = new LinkedHashMap<>();
    WindowRow newest = null;
    for (String name : store.people()) {
      List<WindowRow> newestFirst = store.latestWindows(name, count);
      perPerson.put(name, newestFirst);
      if (!newestFirst.isEmpty()
          && (newest == null || newestFirst.get(0).windowStart().isAfter(newest.windowStart()))) {
        newest = newestFirst.get(0);
      }
    }
    if (newest == null) {
      return List.of();
    }
    Duration length = Duration.between(newest.windowStart(), newest.windowEnd());
    Instant earliest = newest.windowStart().minus(length.multipliedBy(count - 1));
    List<PersonWindows> people = new ArrayList<>();
    perPerson.forEach(
        (name, newestFirst) -> {
          List<WindowRow> oldestFirst =
              new ArrayList<>(
                  newestFirst.stream()
                      .filter(window -> !window.windowStart().isBefore(earliest))
                      .toList());
          Collections.reverse(oldestFirst);
          if (!oldestFirst.isEmpty()) {
            people.add(new PersonWindows(name, oldestFirst));
          }
        });
    return people;
  }

  /**
   * The rankings of the latest windows of {@code day}; without a day, of today or, if it has none
   * yet, yesterday (UTC).
   */
  List<Ranking> trending(String day, int count) {
    if (day != null && !day.isBlank()) {
      try {
        return store.latestRankings(LocalDate.parse(day.strip()), count);
      } catch (DateTimeParseException e) {
        throw new BadRequestException("'" + day + "' is not a day (e.g. 2025-03-13)");
      }
    }
    LocalDate today = RatingsStore.dayOf(clock.instant());
    List<Ranking> rankings = store.latestRankings(today, count);
    return rankings.isEmpty() ? store.latestRankings(today.minusDays(1), count) : rankings;
  }

  private void averageDuration(Context ctx) {
    String name = person(ctx);
    Instant from = time(ctx, "from");
    Instant to = time(ctx, "to");
    if (!to.isAfter(from)) {
      throw new BadRequestException(
          "the range is upside down: 'to' (" + to + ") must be after 'from' (" + from + ")");
    }
    RatingsStore.AverageDuration answer = store.averageDuration(name, from, to);
    ctx.json(
        new AverageDurationAnswer(
            name, from, to, answer.avgDurationMinutes(), answer.movies(), answer.ratings()));
  }

  private void movies(Context ctx) {
    String name = person(ctx);
    Instant hour;
    try {
      hour = TimeArguments.hour(required(ctx, "hour"));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("bad hour: " + e.getMessage());
    }
    ctx.json(new HourAnswer(name, hour, store.ratedInHour(name, hour)));
  }

  private String person(Context ctx) {
    String name = required(ctx, "name");
    if (!store.hasRatings(name)) {
      throw new BadRequestException(
          "unknown person: nobody called '" + name + "' has rated anything");
    }
    return name;
  }

  private static Instant time(Context ctx, String parameter) {
    try {
      return TimeArguments.instant(required(ctx, parameter));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("bad time for '" + parameter + "': " + e.getMessage());
    }
  }

  private static String required(Context ctx, String parameter) {
    String value = ctx.queryParam(parameter);
    if (value == null || value.isBlank()) {
      throw new BadRequestException("missing parameter '" + parameter + "'");
    }
    return value.strip();
  }

  private static int count(Context ctx, String parameter, int byDefault) {
    String value = ctx.queryParam(parameter);
    if (value == null || value.isBlank()) {
      return byDefault;
    }
    try {
      int count = Integer.parseInt(value.strip());
      if (count >= 1 && count <= MAX_WINDOWS) {
        return count;
      }
    } catch (NumberFormatException e) {
      // the same answer as out of range
    }
    throw new BadRequestException(
        "'"
            + parameter
            + "' must be a whole number from 1 to "
            + MAX_WINDOWS
            + ", not '"
            + value
            + "'");
  }
}
