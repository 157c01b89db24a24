package org.moviestream.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The two questions that bin/query and the view ask are the two of cassandra/queries.cql, the file
 * users run by hand: same columns, same table, same conditions, the file's values bound.
 */
class SeedQuestionsTest {

  private static final Path QUERIES =
      Path.of(System.getProperty("project.root", "..")).resolve("cassandra/queries.cql");

  @Test
  void theCodeAsksWhatQueriesCqlAsks() throws Exception {
    List<String> file =
        CqlScript.statements(Files.readString(QUERIES)).stream()
            .map(SeedQuestionsTest::withValuesBound)
            .toList();
    assertEquals(
        List.of(
            shape(SeedQuestions.in("netflix", SeedQuestions.AVG_DURATION)),
            shape(SeedQuestions.in("netflix", SeedQuestions.MOVIES_IN_HOUR))),
        file);
  }

  @Test
  void aChangedConditionIsSeen() {
    assertEquals(
        "SELECT x FROM netflix.movie_ratings WHERE name = ? AND timestamp > ?",
        withValuesBound(
            "SELECT x\n  FROM netflix.movie_ratings WHERE name = 'A' AND timestamp > '1';"));
  }

  /** The statement with each quoted value as a bind marker, in one line. */
  private static String withValuesBound(String statement) {
    return shape(statement.replaceAll("'[^']*'", "?"));
  }

  private static String shape(String statement) {
    return statement.replaceAll("\\s+", " ").replaceAll("\\s*;\\s*$", "").strip();
  }
}
