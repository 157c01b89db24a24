package org.moviestream.pipeline.transforms;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.moviestream.pipeline.metrics.Waits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's consumer for KafkaIO, pausing its partitions while this JVM's writers wait (see {@link
 * Waits}): the SparkRunner reads each micro-batch when it generates it, not when it runs it, so
 * during a Cassandra outage it would go on reading batches that nobody can write and keep them in
 * memory. Paused, it reads nothing until the writers are back; the partitions' backlog keeps the
 * watermark where it was, so nothing becomes late by the pause.
 */
final class PausingConsumer extends KafkaConsumer<byte[], byte[]> {

  private static final Logger LOG = LoggerFactory.getLogger(PausingConsumer.class);
  private static final AtomicBoolean PAUSED = new AtomicBoolean();

  PausingConsumer(Map<String, Object> config) {
    super(config);
  }

  @Override
  public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
    if (!Waits.current().isEmpty()) {
      pause(assignment());
      if (PAUSED.compareAndSet(false, true)) {
        LOG.warn(
            "reading paused while the writes wait for {}",
            String.join(", ", Waits.current().keySet()));
      }
    } else if (!paused().isEmpty()) {
      resume(paused());
      if (PAUSED.compareAndSet(true, false)) {
        LOG.warn("reading resumed");
      }
    }
    return super.poll(timeout);
  }
}
