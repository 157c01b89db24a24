package org.moviestream.producer.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.moviestream.contract.RatingMessage;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.kafka.KafkaTopics;

/**
 * Publishes ratings to a Kafka topic, keyed by the person's name so that one person's ratings stay
 * ordered in one partition; counts what was sent, acknowledged and failed.
 */
public final class RatingSender implements AutoCloseable {

  private final KafkaProducer<String, String> producer;
  private final String topic;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> lastError = new AtomicReference<>();

  private RatingSender(KafkaProducer<String, String> producer, String topic) {
    this.producer = producer;
    this.topic = topic;
  }

  /**
   * Checks that the broker answers and the topic exists, then opens a producer with acks=all,
   * idempotence and gzip; a clear {@link IllegalStateException} otherwise.
   */
  public static RatingSender connect(KafkaSettings kafka, String topic, Duration timeout) {
    KafkaTopics.require(kafka, List.of(topic), timeout);
    Map<String, Object> config =
        kafka.producer(
            Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "gzip",
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                ProducerConfig.BATCH_SIZE_CONFIG,
                64 * 1024,
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                timeout.toMillis(),
                ProducerConfig.CLIENT_ID_CONFIG,
                "movie-ratings-producer"),
            Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true));
    return new RatingSender(new KafkaProducer<>(config), topic);
  }

  /**
   * Sends asynchronously; the outcome is counted when the broker answers. Returns the JSON sent.
   */
  public String send(RatingMessage rating) {
    String json = rating.toJson();
    // The record's timestamp is the rating's, so the pipeline reads event time without parsing the
    // JSON.
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            topic,
            null,
            rating.timestamp().toEpochMilli(),
            rating.name(),
            json,
            List.of(new RecordHeader(RatingMessage.TIMESTAMP_IS_RATING_TIME, new byte[0])));
    producer.send(
        record,
        (metadata, error) -> {
          if (error == null) {
            acked.incrementAndGet();
          } else {
            failed.incrementAndGet();
            lastError.set(error);
          }
        });
    sent.incrementAndGet();
    return json;
  }

  /** Blocks until every record sent so far is acknowledged or failed. */
  public void flush() {
    producer.flush();
  }

  public long sent() {
    return sent.get();
  }

  public long acked() {
    return acked.get();
  }

  public long failed() {
    return failed.get();
  }

  public Exception lastError() {
    return lastError.get();
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(30));
  }
}
