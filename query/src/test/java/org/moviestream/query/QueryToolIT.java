package org.moviestream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moviestream.testing.StackResources;

/** bin/query against the real Cassandra of bin/stack, on rows of its own keyspace. */
class QueryToolIT {

  private static final String NAME = "Stelios Giagkos";
  private static StackResources stack;
  private static String keyspace;

  @BeforeAll
  static void createKeyspaceWithRatings() {
    stack = StackResources.onLocalStack();
    keyspace = stack.createKeyspace(StackResources.uniqueName("it_query"));
    StringBuilder script = new StringBuilder();
    String insert =
        "INSERT INTO "
            + keyspace
            + ".movie_ratings (name, timestamp, id, movie, rating_movie, duration) VALUES ";
    script
        .append(insert)
        .append("('" + NAME + "', '2025-03-13T19:10:00Z', uuid(), 'Roma', 8, 135);\n");
    script
        .append(insert)
        .append("('" + NAME + "', '2025-03-13T19:40:00Z', uuid(), 'Okja', 6, 121);\n");
    script
        .append(insert)
        .append("('" + NAME + "', '2025-03-13T20:10:00Z', uuid(), 'Dark', 9, null);\n");
    script
        .append(insert)
        .append("('" + NAME + "', '2025-04-01T10:00:00Z', uuid(), 'Klaus', 7, 98);\n");
    script.append(insert).append("('O''Neil', '2025-03-13T19:10:00Z', uuid(), 'Roma', 5, 135);\n");
    script.append(
        "INSERT INTO "
            + keyspace
            + ".ratings_per_window (name, window_start, window_end, ratings, avg_rating_movie, avg_duration)"
            + " VALUES ('"
            + NAME
            + "', '2025-03-13T19:10:00Z', '2025-03-13T19:10:30Z', 1, 8.0, 135.0);\n");
    String ranking =
        "INSERT INTO "
            + keyspace
            + ".trending_titles (day, window_start, window_end, titles, title_ratings, window_ratings) VALUES ";
    script
        .append(ranking)
        .append(
            "('2025-03-13', '2025-03-13T19:10:00Z', '2025-03-13T19:10:30Z', ['Roma', 'Okja'], [3, 1], 4);\n");
    script
        .append(ranking)
        .append(
            "('2025-03-13', '2025-03-13T19:40:00Z', '2025-03-13T19:40:30Z', ['Okja'], [2], 2);\n");
    assertEquals(0, QueryTool.run("cql", "--quiet", script.toString()));
  }

  @AfterAll
  static void dropKeyspace() {
    stack.close();
  }

  @Test
  void averageDurationOfAWeekSkipsTvShowsAndOtherWeeks() {
    String out =
        capture(
            "avg-duration",
            "--keyspace",
            keyspace,
            "--name",
            NAME,
            "--from",
            "2025-03-13",
            "--to",
            "2025-03-20");
    assertTrue(out.contains("128.0 "), out);
    assertTrue(out.matches("(?s).*128\\.0\\s+\\|\\s+2\\s+\\|\\s+3.*"), out);
  }

  @Test
  void moviesOfAnHourNewestFirst() {
    String out =
        capture("movies", "--keyspace", keyspace, "--name", NAME, "--hour", "2025-03-13T19");
    assertTrue(out.indexOf("Okja") > 0 && out.indexOf("Okja") < out.indexOf("Roma"), out);
    assertTrue(!out.contains("Dark") && out.contains("(2 rows)"), out);
  }

  @Test
  void windowsOfAPerson() {
    String out = capture("windows", "--keyspace", keyspace, "--name", NAME);
    assertTrue(out.contains("2025-03-13T19:10:00Z") && out.contains("(1 row)"), out);
  }

  @Test
  void trendingOfADayNewestWindowFirst() {
    String out = capture("trending", "--keyspace", keyspace, "--day", "2025-03-13");
    assertTrue(
        out.indexOf("2025-03-13T19:40:00Z") > 0
            && out.indexOf("2025-03-13T19:40:00Z") < out.indexOf("2025-03-13T19:10:00Z"),
        out);
    assertTrue(
        out.contains("[Roma, Okja]") && out.contains("[3, 1]") && out.contains("(2 rows)"), out);
  }

  @Test
  void countPrintsABareNumberForAnyNameEvenWithAQuote() {
    assertEquals("4", capture("count", "--keyspace", keyspace, "--name", NAME).strip());
    assertEquals("1", capture("count", "--keyspace", keyspace, "--name", "O'Neil").strip());
    assertEquals("5", capture("count", "--keyspace", keyspace).strip());
  }

  @Test
  void waitEndsAtOnceWhenThereAreMoreAndTimesOutWithExitThreeOtherwise() {
    assertEquals(
        "4", capture("wait", "--keyspace", keyspace, "--name", NAME, "--more-than", "3").strip());
    assertEquals(
        WaitCommand.TIMED_OUT,
        QueryTool.run(
            "wait",
            "--keyspace",
            keyspace,
            "--name",
            "O'Neil",
            "--more-than",
            "1",
            "--timeout",
            "1",
            "--every",
            "1"));
  }

  @Test
  void aMissingKeyspaceOrADownCassandraIsAServiceError() {
    assertEquals(1, QueryTool.run("windows", "--keyspace", "no_such_keyspace", "--name", NAME));
    assertEquals(1, QueryTool.run("windows", "--cassandra-port", "1", "--name", NAME));
  }

  private static String capture(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, QueryTool.run(args));
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
