package org.moviestream.pipeline.cassandra;

import com.datastax.driver.core.KeyspaceMetadata;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.exceptions.InvalidQueryException;
import java.util.List;
import org.moviestream.cassandra.CassandraConnection;

/**
 * The keyspace has every table and column the job writes: checked by preparing the writers' own
 * statements, so that a keyspace made from an older schema.cql is named before any task fails.
 */
public final class SchemaCheck {

  /** Every statement the writers prepare. */
  static final List<String> STATEMENTS =
      List.of(
          MovieRatingRow.INSERT,
          WindowStatsRow.INSERT,
          WindowRecount.STATS_CQL,
          WriteTrendingTitles.INSERT_CQL,
          WriteTrendingTitles.REPLACE_CQL);

  private SchemaCheck() {}

  /**
   * Throws {@link IllegalArgumentException} (a setup error: exit 2) naming what the keyspace lacks.
   */
  public static void requireTables(CassandraTarget target) {
    String apply =
        "apply cassandra/schema.cql to it (bin/query schema --keyspace NAME; bin/stack start does it for netflix)";
    try (CassandraConnection connection = CassandraConnection.open(target.cassandra())) {
      KeyspaceMetadata keyspace =
          connection.session().getCluster().getMetadata().getKeyspace(target.keyspace());
      if (keyspace == null) {
        throw new IllegalArgumentException(
            "keyspace '" + target.keyspace() + "' does not exist: " + apply);
      }
      Session session = connection.session().getCluster().connect(target.keyspace());
      try {
        for (String statement : STATEMENTS) {
          session.prepare(statement);
        }
      } catch (InvalidQueryException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "keyspace '"
                + target.keyspace()
                + "' is older than this pipeline ("
                + e.getMessage()
                + "): "
                + apply);
      } finally {
        session.close();
      }
    }
  }
}
