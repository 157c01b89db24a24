package org.moviestream.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bad input is refused with exit code 2 before any connection is made. */
class QueryToolTest {

  @Test
  void badTimestampsAndMissingOptionsExitWithTwo() {
    assertEquals(
        2,
        QueryTool.run("avg-duration", "--name", "A", "--from", "last week", "--to", "2025-03-20"));
    assertEquals(
        2,
        QueryTool.run("avg-duration", "--name", "A", "--from", "2025-03-20", "--to", "2025-03-13"));
    assertEquals(2, QueryTool.run("movies", "--hour", "2025-03-13T19"));
    assertEquals(2, QueryTool.run("movies", "--name", "A", "--hour", "noon"));
    assertEquals(2, QueryTool.run("cql"));
    assertEquals(2, QueryTool.run("no-such-command"));
  }

  @Test
  void helpWorksForTheToolAndEachCommand() {
    assertEquals(0, QueryTool.run("--help"));
    assertEquals(0, QueryTool.run("avg-duration", "--help"));
    assertEquals(0, QueryTool.run("--version"));
  }
}
