package org.moviestream.pipeline.failures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.util.BackOff;
import org.apache.beam.sdk.util.BackOffUtils;
import org.apache.beam.sdk.util.FluentBackoff;
import org.apache.beam.sdk.util.Sleeper;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.moviestream.contract.DeadLetterRecord;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.metrics.Waits;
import org.moviestream.pipeline.shared.JvmResources;
import org.moviestream.pipeline.shared.KafkaAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outcomes -> their dead letters as JSON records on the dead-letter topic, keyed by their source
 * "topic/partition/offset" (a compacted topic keeps one per source message however often it is
 * replayed). Outputs each dead letter once the broker has acknowledged it, retrying while the
 * broker is away, and passes written ratings on as they came: what comes out is settled.
 *
 * <p>Not KafkaIO.write(): it reports nothing back, and the offsets of dead letters may only be
 * committed once they are on the topic.
 */
public final class WriteDeadLetters<T>
    extends PTransform<PCollection<Outcome<T>>, PCollection<Outcome<T>>> {

  private static final Logger LOG = LoggerFactory.getLogger(WriteDeadLetters.class);

  private final KafkaSettings kafka;
  private final String topic;

  public WriteDeadLetters(KafkaSettings kafka, String topic) {
    this.kafka = kafka;
    this.topic = topic;
  }

  @Override
  public PCollection<Outcome<T>> expand(PCollection<Outcome<T>> outcomes) {
    return outcomes
        .apply("SendToKafka", ParDo.of(new SendFn<T>(kafka, topic)))
        .setCoder(outcomes.getCoder());
  }

  /** One idempotent producer per broker list per JVM, shared by every instance of the DoFn. */
  static Producer<String, String> producer(KafkaSettings kafka) {
    return JvmResources.shared(
        Map.entry("dead-letter producer", kafka),
        () ->
            new KafkaProducer<String, String>(
                kafka.producer(
                    Map.of(ProducerConfig.LINGER_MS_CONFIG, 5),
                    Map.of(
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class.getName(),
                        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class.getName()))),
        producer -> producer.close(java.time.Duration.ofSeconds(2)));
  }

  static final class SendFn<T> extends DoFn<Outcome<T>, Outcome<T>> {
    private final KafkaSettings kafka;
    private final String topic;
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.DEAD_LETTERS);
    private transient List<Pending> pending;

    /** A dead letter, its topic record (built once: it digests the whole payload) and its send. */
    private record Pending(
        DeadLetter deadLetter,
        DeadLetterRecord record,
        Instant timestamp,
        BoundedWindow window,
        Future<RecordMetadata> sent) {}

    SendFn(KafkaSettings kafka, String topic) {
      this.kafka = kafka;
      this.topic = topic;
    }

    @StartBundle
    public void startBundle() {
      pending = new ArrayList<>();
    }

    @ProcessElement
    public void processElement(
        @Element Outcome<T> outcome,
        @Timestamp Instant timestamp,
        BoundedWindow window,
        OutputReceiver<Outcome<T>> out) {
      if (outcome.isRejected()) {
        DeadLetterRecord record = outcome.deadLetter().toRecord();
        pending.add(new Pending(outcome.deadLetter(), record, timestamp, window, send(record)));
      } else {
        out.output(outcome);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) throws Exception {
      for (Pending sent : pending) {
        awaitSent(sent);
        written.inc();
        PipelineMetrics.deadLetters(sent.deadLetter().reason()).inc();
        context.output(Outcome.rejected(sent.deadLetter()), sent.timestamp(), sent.window());
      }
      pending = null;
    }

    private Future<RecordMetadata> send(DeadLetterRecord letter) {
      try {
        // Keyed by the source message within its topic's incarnation: a re-created topic's dead
        // letters replace none of the old one's on the compacted topic.
        String sourceTopicId =
            KafkaAdmin.topicId(kafka, letter.source().topic(), java.time.Duration.ofSeconds(10));
        return producer(kafka)
            .send(new ProducerRecord<>(topic, letter.key(sourceTopicId), letter.toJson()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return CompletableFuture.failedFuture(e);
      } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
        return CompletableFuture.failedFuture(e);
      } catch (RuntimeException e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    /**
     * Waits until the broker has the dead letter, sending it again while it does not take it (shown
     * as a {@link Waits wait} on the dead-letter topic, never silently). A record the topic finds
     * too large (a topic configured below the bounded record's ~100 kB) goes again without its
     * payload: its size, digest and source offset still say what it was.
     */
    private void awaitSent(Pending sent) throws Exception {
      BackOff backoff =
          FluentBackoff.DEFAULT
              .withInitialBackoff(Duration.millis(500))
              .withMaxBackoff(Duration.standardSeconds(10))
              .withMaxRetries(Integer.MAX_VALUE)
              .backoff();
      DeadLetterRecord letter = sent.record();
      Future<RecordMetadata> attempt = sent.sent();
      while (true) {
        try {
          attempt.get();
          Waits.end(waitName());
          return;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RecordTooLargeException
              && letter.payload() != null
              && !letter.payload().isEmpty()) {
            LOG.warn(
                "dead letter {} is too large for {} ({}): sending it without its payload",
                letter.key(),
                topic,
                cause.getMessage());
            letter = letter.withoutPayload();
            attempt = send(letter);
            continue;
          }
          Waits.begin(
              waitName(),
              cause.getClass().getSimpleName() + ": " + cause.getMessage(),
              "holding the dead letters (and every commit after them) and sending them again with backoff");
          BackOffUtils.next(Sleeper.DEFAULT, backoff);
          attempt = send(letter);
        }
      }
    }

    private String waitName() {
      return "kafka dead-letter topic " + topic;
    }
  }
}
