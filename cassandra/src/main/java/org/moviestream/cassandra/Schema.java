package org.moviestream.cassandra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.moviestream.contract.Defaults;

/** cassandra/schema.cql (packaged with this library), as statements for any keyspace name. */
public final class Schema {

  private static final String RESOURCE = "/schema.cql";
  private static final String REPLICATION_FACTOR_ONE = "'replication_factor': 1";

  private Schema() {}

  /**
   * The schema's statements with its keyspace ({@value Defaults#KEYSPACE}) renamed to {@code
   * keyspace}, replicated once.
   */
  public static List<String> statements(String keyspace) {
    return statements(keyspace, 1);
  }

  /**
   * The schema's statements with its keyspace renamed to {@code keyspace}, each row kept on {@code
   * replicationFactor} nodes (the schema's own {@code 'replication_factor': 1}).
   */
  public static List<String> statements(String keyspace, int replicationFactor) {
    if (replicationFactor < 1 || replicationFactor > 9) {
      throw new IllegalArgumentException(
          "replication factor " + replicationFactor + " is not between 1 and 9");
    }
    if (!keyspace.matches("[A-Za-z][A-Za-z0-9_]{0,47}")) {
      throw new IllegalArgumentException(
          "'" + keyspace + "' is not a keyspace name (letters, digits, _; at most 48)");
    }
    return CqlScript.statements(script()).stream()
        .map(statement -> statement.replaceAll("\\b" + Defaults.KEYSPACE + "\\b", keyspace))
        .map(
            statement ->
                statement.replace(
                    REPLICATION_FACTOR_ONE, "'replication_factor': " + replicationFactor))
        .toList();
  }

  private static String script() {
    try (InputStream in = Schema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is not on the classpath (the cassandra module packages it)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
