package org.moviestream.pipeline.cassandra;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.ColumnMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.KeyspaceMetadata;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.type.DataType;
import com.datastax.oss.driver.api.core.type.DataTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
  private static void requireGrants(CqlSession session, KeyspaceMetadata keyspace) {
    for (String name : TABLES) {
      Optional<TableMetadata> table = keyspace.getTable(name);
      if (table.isEmpty()) {
        continue;
      }
      List<ColumnMetadata> key = table.get().getPrimaryKey();
      List<Object> values = new ArrayList<>();
      for (ColumnMetadata column : key) {
        values.add(impossible(column.getType()));
      }
      if (values.contains(null)) {
        continue;
      }
      String where =
          key.stream()
              .map(column -> column.getName().asCql(true) + " = ?")
              .collect(Collectors.joining(" AND "));
      try {
        session.execute(
            SimpleStatement.newInstance(
                "DELETE FROM " + name + " WHERE " + where + " IF EXISTS", values.toArray()));
      } catch (UnauthorizedException e) {
        throw new CassandraRefusedException(
            "Cassandra denied access ("
                + e.getMessage()
                + "): grant the login SELECT and MODIFY on keyspace "
                + keyspace.getName().asCql(true)
                + " (bin/query logins does)",
            e);
      }
    }
  }

  /** A key value no rating produces, for the key types of schema.cql; null for others. */
  private static Object impossible(DataType type) {
    if (type.equals(DataTypes.TEXT)) {
      return "\u0000movie-stream grant check";
    }
    if (type.equals(DataTypes.TIMESTAMP)) {
      return Instant.EPOCH;
    }
    if (type.equals(DataTypes.DATE)) {
      return LocalDate.EPOCH;
    }
    if (type.equals(DataTypes.UUID) || type.equals(DataTypes.TIMEUUID)) {
      return new UUID(0, 0);
    }
    return null;
  }

  /**
   * Throws {@link IllegalArgumentException} (a setup error: exit 2) naming what the keyspace lacks.
   */
  public static void requireTables(CassandraTarget target) {
    String apply =
        "apply cassandra/schema.cql to it (bin/query schema --keyspace NAME; bin/stack start does it for netflix)";
    try (CassandraConnection connection = CassandraConnection.open(target.cassandra())) {
      KeyspaceMetadata keyspace =
          connection
              .session()
              .getMetadata()
              .getKeyspace(target.keyspace())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "keyspace '" + target.keyspace() + "' does not exist: " + apply));
      try {
        // The writers' own session, on the keyspace.
        CqlSession session = SharedSessions.session(target);
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
      }
    }
  }
}
