package org.moviestream.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CqlScriptTest {

  @Test
  void splitsOnSemicolonsAndDropsComments() {
    String script =
        "-- a comment; with a semicolon\nCREATE TABLE t (a int PRIMARY KEY);\n"
            + "/* block; comment */ INSERT INTO t (a) VALUES (1); // trailing\n";
    assertEquals(
        List.of("CREATE TABLE t (a int PRIMARY KEY)", "INSERT INTO t (a) VALUES (1)"),
        CqlScript.statements(script));
  }

  @Test
  void keepsSemicolonsAndDoubledQuotesInsideStrings() {
    assertEquals(
        List.of("INSERT INTO t (s) VALUES ('it''s; fine')", "SELECT \"odd;name\" FROM t"),
        CqlScript.statements(
            "INSERT INTO t (s) VALUES ('it''s; fine');SELECT \"odd;name\" FROM t"));
  }

  @Test
  void rejectsAnUnterminatedString() {
    assertThrows(
        IllegalArgumentException.class, () -> CqlScript.statements("SELECT 'oops FROM t;"));
  }

  @Test
  void theProjectSchemaHasKeyspaceAndItsThreeTables() throws IOException {
    Path schema = Path.of(System.getProperty("project.root", ".."), "cassandra", "schema.cql");
    List<String> statements =
        CqlScript.statements(Files.readString(schema, StandardCharsets.UTF_8));
    assertEquals(4, statements.size());
    assertEquals(true, statements.get(0).startsWith("CREATE KEYSPACE IF NOT EXISTS netflix"));
    assertEquals(true, statements.get(1).contains("PRIMARY KEY (name, timestamp, id)"));
    assertEquals(true, statements.get(1).contains("CLUSTERING ORDER BY (timestamp DESC, id ASC)"));
    assertEquals(
        true,
        statements.get(2).startsWith("CREATE TABLE IF NOT EXISTS netflix.ratings_per_window"));
    assertEquals(
        true, statements.get(3).startsWith("CREATE TABLE IF NOT EXISTS netflix.trending_titles"));
    assertEquals(true, statements.get(3).contains("PRIMARY KEY (day, window_start)"));
  }
}
