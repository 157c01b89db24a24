package org.moviestream.cassandra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

  @Test
  void everyStatementMovesToTheGivenKeyspace() {
    List<String> statements = Schema.statements("it_abc");

    assertEquals(4, statements.size());
    assertTrue(statements.get(0).startsWith("CREATE KEYSPACE IF NOT EXISTS it_abc "));
    assertTrue(statements.get(1).contains("it_abc.movie_ratings"));
    assertTrue(statements.get(2).contains("it_abc.ratings_per_window"));
    assertTrue(statements.get(3).contains("it_abc.trending_titles"));
    statements.forEach(statement -> assertFalse(statement.contains("netflix"), statement));
  }

  @Test
  void theKeyspaceIsReplicatedAsOftenAsAsked() {
    assertTrue(Schema.statements("it_abc").get(0).contains("'replication_factor': 1}"));
    String clustered = Schema.statements("it_abc", 3).get(0);

    assertTrue(clustered.contains("'replication_factor': 3}"), clustered);
    Schema.statements("it_abc", 3).stream()
        .skip(1)
        .forEach(statement -> assertFalse(statement.contains("replication"), statement));
    assertThrows(IllegalArgumentException.class, () -> Schema.statements("it_abc", 0));
  }

  @Test
  void aNameCassandraWouldRefuseIsRefusedHere() {
    assertThrows(IllegalArgumentException.class, () -> Schema.statements("it-abc"));
    assertThrows(
        IllegalArgumentException.class, () -> Schema.statements("x; DROP KEYSPACE netflix"));
  }
}
