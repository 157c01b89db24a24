package org.moviestream.bench;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.BatchableStatement;
import com.datastax.oss.driver.api.core.cql.BoundStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.moviestream.cassandra.Tables;
import org.moviestream.contract.RatingMessage;
import org.moviestream.contract.SourceKey;

/** What this machine does without any framework: drain the topic, insert the rows. */
final class RawLimits {

  static final int IN_FLIGHT = 256;

  private RawLimits() {}

  /**
   * A plain KafkaConsumer reads all {@code expected} records of {@code topic}; returns them and the
   * rate.
   */
  static Measured<List<ConsumerRecord<String, String>>> drain(
      String bootstrapServers, String topic, long expected) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
    config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
    config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    List<ConsumerRecord<String, String>> records = new ArrayList<>((int) expected);
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
      consumer.subscribe(List.of(topic));
      long start = System.nanoTime();
      long deadline = start + Duration.ofMinutes(10).toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return new Measured<>(records, records.size(), (System.nanoTime() - start) / 1e9);
    }
  }

  /**
   * The same rows inserted with the Cassandra Java driver, asynchronously, {@value #IN_FLIGHT}
   * requests in flight: each row alone ({@code batchRows} 1) or each person's rows as unlogged
   * batches of up to {@code batchRows}, as the pipeline writes them. Returns the failed requests.
   */
  static Measured<Long> insert(
      CqlSession session,
      String keyspace,
      List<ConsumerRecord<String, String>> records,
      int batchRows)
      throws Exception {
    PreparedStatement insert =
        session.prepare(
            "INSERT INTO "
                + keyspace
                + "."
                + Tables.MOVIE_RATINGS
                + " (name, timestamp, id, movie, rating_movie) VALUES (?, ?, ?, ?, ?)");
    Map<String, List<BoundStatement>> perPerson = new LinkedHashMap<>();
    for (ConsumerRecord<String, String> record : records) {
      RatingMessage rating = RatingMessage.parse(record.value(), ZoneOffset.UTC);
      UUID id = new SourceKey(record.topic(), record.partition(), record.offset()).rowId();
      perPerson
          .computeIfAbsent(rating.name(), name -> new ArrayList<>())
          .add(insert.bind(rating.name(), rating.timestamp(), id, rating.movie(), rating.rating()));
    }
    List<Statement<?>> statements = new ArrayList<>();
    for (List<BoundStatement> rows : perPerson.values()) {
      for (int from = 0; from < rows.size(); from += batchRows) {
        List<BoundStatement> chunk = rows.subList(from, Math.min(rows.size(), from + batchRows));
        statements.add(
            chunk.size() == 1
                ? chunk.get(0)
                : BatchStatement.newInstance(
                    DefaultBatchType.UNLOGGED, chunk.toArray(BatchableStatement[]::new)));
      }
    }
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicLong failures = new AtomicLong();
    long start = System.nanoTime();
    for (Statement<?> statement : statements) {
      inFlight.acquire();
      session
          .executeAsync(statement)
          .whenComplete(
              (result, error) -> {
                if (error != null) {
                  failures.incrementAndGet();
                }
                inFlight.release();
              });
    }
    inFlight.acquire(IN_FLIGHT);
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Measured<>(failures.get(), records.size(), seconds);
  }

  /** A result with how many items it covered and how long it took. */
  record Measured<T>(T value, long count, double seconds) {
    double perSecond() {
      return count / seconds;
    }
  }
}
