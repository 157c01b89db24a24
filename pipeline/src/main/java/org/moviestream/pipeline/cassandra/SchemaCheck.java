package org.moviestream.pipeline.cassandra;

import com.datastax.driver.core.ColumnMetadata;
import com.datastax.driver.core.DataType;
import com.datastax.driver.core.KeyspaceMetadata;
import com.datastax.driver.core.LocalDate;
import com.datastax.driver.core.Metadata;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.TableMetadata;
import com.datastax.driver.core.exceptions.InvalidQueryException;
import com.datastax.driver.core.exceptions.UnauthorizedException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.moviestream.cassandra.CassandraConnection;
import org.moviestream.cassandra.CassandraRefusedException;
import org.moviestream.cassandra.Tables;

/**
 * The keyspace has every table and column the job writes: checked by preparing the writers' own
 * statements, so that a keyspace made from an older schema.cql is named before any task fails; and
 * the login may read and write them, so that a missing grant ends the start instead of holding
 * every write (a grant revoked while the job runs is waited for, see {@link CassandraRetry}).
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

  /** The tables the job writes and reads back. */
  static final List<String> TABLES =
      List.of(Tables.MOVIE_RATINGS, Tables.RATINGS_PER_WINDOW, Tables.TRENDING_TITLES);

  private SchemaCheck() {}

  /**
   * A conditional delete of a row that cannot exist, on each table: Cassandra checks SELECT and
   * MODIFY before it runs one, and it changes nothing.
   */
  private static void requireGrants(Session session, KeyspaceMetadata keyspace) {
    for (String name : TABLES) {
      TableMetadata table = keyspace.getTable(name);
      if (table == null) {
        continue;
      }
      List<ColumnMetadata> key = table.getPrimaryKey();
      List<Object> values = new ArrayList<>();
      for (ColumnMetadata column : key) {
        values.add(impossible(column.getType()));
      }
      if (values.contains(null)) {
        continue;
      }
      String where =
          key.stream()
              .map(column -> Metadata.quoteIfNecessary(column.getName()) + " = ?")
              .collect(Collectors.joining(" AND "));
      try {
        session.execute("DELETE FROM " + name + " WHERE " + where + " IF EXISTS", values.toArray());
      } catch (UnauthorizedException e) {
        throw new CassandraRefusedException(
            "Cassandra denied access ("
                + e.getMessage()
                + "): grant the login SELECT and MODIFY on keyspace "
                + keyspace.getName()
                + " (bin/query logins does)",
            e);
      }
    }
  }

  /** A key value no rating produces, for the key types of schema.cql; null for others. */
  private static Object impossible(DataType type) {
    return switch (type.getName()) {
      case TEXT, VARCHAR -> "\u0000movie-stream grant check";
      case TIMESTAMP -> new Date(0);
      case DATE -> LocalDate.fromDaysSinceEpoch(0);
      case UUID, TIMEUUID -> new UUID(0, 0);
      default -> null;
    };
  }

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
        requireGrants(session, keyspace);
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
