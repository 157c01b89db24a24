package org.moviestream.bench;

import com.datastax.driver.core.Row;
import com.datastax.driver.core.Session;
import com.datastax.driver.core.SimpleStatement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.moviestream.cql.CassandraConnection;
import org.moviestream.cql.CqlScript;

/** Fresh topics and keyspaces for each measurement, and the rows' write times read back. */
final class Fixtures implements AutoCloseable {

  static final int PARTITIONS = 3;

  private final Path root;
  private final String bootstrapServers;
  private final CassandraConnection cassandra;

  Fixtures(Path root, String bootstrapServers) {
    this.root = root;
    this.bootstrapServers = bootstrapServers;
    this.cassandra = CassandraConnection.open("127.0.0.1", 9042);
  }

  Session session() {
    return cassandra.session();
  }

  void createTopics(String... topics) throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      List<NewTopic> newTopics = new ArrayList<>();
      for (String topic : topics) {
        newTopics.add(new NewTopic(topic, PARTITIONS, (short) 1));
      }
      admin.createTopics(newTopics).all().get();
    }
  }

  void deleteTopics(String... topics) throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.deleteTopics(List.of(topics)).all().get();
    }
  }

  /** cassandra/schema.cql applied under another keyspace name. */
  void createKeyspace(String keyspace) throws IOException {
    String schema = Files.readString(root.resolve("cassandra/schema.cql"), StandardCharsets.UTF_8);
    for (String statement : CqlScript.statements(schema)) {
      cassandra.session().execute(statement.replaceAll("\\bnetflix\\b", keyspace));
    }
  }

  void dropKeyspace(String keyspace) {
    cassandra.session().execute(new SimpleStatement("DROP KEYSPACE IF EXISTS " + keyspace).setReadTimeoutMillis(120_000));
  }

  /** Every row's rating timestamp (ms) and Cassandra write time (µs), read with one paged scan. */
  WriteTimes writeTimes(String keyspace) {
    SimpleStatement scan = new SimpleStatement("SELECT timestamp, WRITETIME(movie) FROM " + keyspace + ".movie_ratings");
    scan.setFetchSize(5_000).setReadTimeoutMillis(120_000);
    WriteTimes times = new WriteTimes();
    for (Row row : cassandra.session().execute(scan)) {
      times.add(row.getTimestamp(0).getTime(), row.getLong(1));
    }
    return times;
  }

  @Override
  public void close() {
    cassandra.close();
  }
}
