package org.moviestream.pipeline.ingest;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.io.kafka.TimestampPolicy;
import org.apache.beam.sdk.io.kafka.TimestampPolicyFactory;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.SerializableFunction;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.joda.time.Duration;
import org.joda.time.Instant;
import org.moviestream.contract.Defaults;
import org.moviestream.contract.RatingMessage;
import org.moviestream.contract.SourceKey;
import org.moviestream.kafka.KafkaSettings;
import org.moviestream.pipeline.metrics.PipelineMetrics;

/**
 * Kafka topic -> {@link KafkaMessage}s (payload with topic/partition/offset), stamped with each
 * rating's own timestamp as event time. Reading starts at the consumer group's committed offsets;
 * it commits nothing itself (see {@link TrackSettledOffsets}: offsets are committed once durable).
 */
public final class ReadRatings extends PTransform<PBegin, PCollection<KafkaMessage>> {

  private final KafkaSettings kafka;
  private final String topic;
  private final String consumerGroup;
  private final ZoneId inputZone;
  private final Duration watermarkDelay;
  private final Duration maxClockSkew;

  private ReadRatings(
      KafkaSettings kafka,
      String topic,
      String consumerGroup,
      ZoneId inputZone,
      Duration watermarkDelay,
      Duration maxClockSkew) {
    this.kafka = kafka;
    this.topic = topic;
    this.consumerGroup = consumerGroup;
    this.inputZone = inputZone;
    this.watermarkDelay = watermarkDelay;
    this.maxClockSkew = maxClockSkew;
  }

  /**
   * Reads {@code topic} as group "movie-ratings-pipeline" (from the earliest offsets if it is new),
   * timestamps in UTC, watermark 5 s behind, ratings up to 5 minutes ahead of the clock moving it.
   */
  public static ReadRatings from(KafkaSettings kafka, String topic) {
    return new ReadRatings(
        kafka,
        topic,
        Defaults.CONSUMER_GROUP,
        ZoneId.of("UTC"),
        Duration.standardSeconds(5),
        Duration.standardMinutes(5));
  }

  /**
   * Resumes at {@code consumerGroup}'s committed offsets (a run commits where it starts first, see
   * {@code ResumePoint}); a partition without one is read from its earliest offset.
   */
  public ReadRatings inGroup(String consumerGroup) {
    return new ReadRatings(kafka, topic, consumerGroup, inputZone, watermarkDelay, maxClockSkew);
  }

  /**
   * Timestamps without an offset are read in {@code inputZone}; the watermark trails the newest by
   * {@code delaySeconds}; a timestamp more than {@code maxClockSkewSeconds} ahead of the clock
   * never moves it (ParseRatings makes it a dead letter).
   */
  public ReadRatings withEventTime(ZoneId inputZone, int delaySeconds, int maxClockSkewSeconds) {
    return new ReadRatings(
        kafka,
        topic,
        consumerGroup,
        inputZone,
        Duration.standardSeconds(delaySeconds),
        Duration.standardSeconds(maxClockSkewSeconds));
  }

  /** What this read needs of its consumers, whatever the Kafka config file says. */
  private Map<String, Object> required() {
    return Map.of(
        ConsumerConfig.GROUP_ID_CONFIG,
        consumerGroup,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
        false,
        // Every partition has a committed offset when the run starts (ResumePoint), so this
        // applies to a partition added while the job runs: read all of it.
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
        "earliest");
  }

  /**
   * KafkaIO's consumers with the Kafka config file's settings over KafkaIO's own, the read's
   * requirements last; serialized, it is the settings' file path (see {@link KafkaSettings}).
   */
  static final class ConsumerWithSettings
      implements SerializableFunction<Map<String, Object>, Consumer<byte[], byte[]>> {

    private static final long serialVersionUID = 1L;
    private final KafkaSettings kafka;
    private final Map<String, Object> required;

    ConsumerWithSettings(KafkaSettings kafka, Map<String, Object> required) {
      kafka.consumer(Map.of(), required); // a file that changes a requirement fails here, at once
      this.kafka = kafka;
      this.required = new java.util.HashMap<>(required);
    }

    @Override
    public Consumer<byte[], byte[]> apply(Map<String, Object> config) {
      return new KafkaConsumer<>(kafka.consumer(config, required));
    }
  }

  @Override
  public PCollection<KafkaMessage> expand(PBegin input) {
    return input
        .apply(
            "ReadFromKafka",
            org.apache.beam.sdk.io.Read.from(
                new GrowingTopicSource(
                    KafkaIO.<String, String>read()
                        .withBootstrapServers(kafka.bootstrapServers())
                        // A record may have no key or no value (a tombstone): nullable, as KafkaIO
                        // itself would infer them.
                        .withKeyDeserializerAndCoder(
                            StringDeserializer.class, NullableCoder.of(StringUtf8Coder.of()))
                        .withValueDeserializerAndCoder(
                            StringDeserializer.class, NullableCoder.of(StringUtf8Coder.of()))
                        // The file's settings (a login) join where a consumer is made, so that
                        // the read's spec, which Spark checkpoints, holds no password.
                        .withConsumerConfigUpdates(required())
                        .withConsumerFactoryFn(new ConsumerWithSettings(kafka, required()))
                        .withTimestampPolicyFactory(
                            new RatingEventTime(inputZone, watermarkDelay, maxClockSkew)),
                    topic)))
        .apply("ToKafkaMessage", ParDo.of(new ToKafkaMessageFn()));
  }

  /**
   * Event time = the rating's timestamp; the watermark trails the newest event time by a delay, and
   * follows the clock once a partition is caught up. A message without a readable timestamp (a dead
   * letter to be) gets the earliest timestamp, so that it never moves the watermark: stamped with
   * the time Kafka received it, one malformed message in a replayed backlog would push the
   * watermark to the present and make every older rating after it too late for its window. For the
   * same reason a timestamp further ahead of the clock than the allowed skew is kept on the element
   * (the parser rejects it) but never moves the watermark.
   */
  static final class RatingEventTime implements TimestampPolicyFactory<String, String> {
    private final ZoneId inputZone;
    private final Duration maxDelay;
    private final Duration maxClockSkew;

    RatingEventTime(ZoneId inputZone, Duration maxDelay, Duration maxClockSkew) {
      this.inputZone = inputZone;
      this.maxDelay = maxDelay;
      this.maxClockSkew = maxClockSkew;
    }

    @Override
    public TimestampPolicy<String, String> createTimestampPolicy(
        TopicPartition partition, Optional<Instant> previousWatermark) {
      return new Policy(inputZone, maxDelay, maxClockSkew, previousWatermark);
    }

    /**
     * The rating's time from the record (when a header says so) or the payload; the earliest
     * timestamp when it has none that can be one.
     */
    static Instant eventTime(KafkaRecord<String, String> record, ZoneId zone) {
      if (record.getHeaders() != null
          && record.getHeaders().lastHeader(RatingMessage.TIMESTAMP_IS_RATING_TIME) != null) {
        long millis = record.getTimestamp();
        boolean ratingTime =
            millis >= RatingMessage.EARLIEST.toEpochMilli()
                && millis <= RatingMessage.LATEST.toEpochMilli();
        return ratingTime ? new Instant(millis) : BoundedWindow.TIMESTAMP_MIN_VALUE;
      }
      return RatingMessage.eventTime(record.getKV().getValue(), zone)
          .map(instant -> new Instant(instant.toEpochMilli()))
          .orElse(BoundedWindow.TIMESTAMP_MIN_VALUE);
    }
  }

  /**
   * KafkaIO's {@code CustomTimestampPolicyWithLimitedDelay}, but a caught-up partition follows the
   * clock even if it has never held a rating: Beam's waits for one, and since the job's watermark
   * is the earliest of its partitions', a partition nobody's key hashes to (or one with only
   * unreadable messages) would hold every window, and every commit, forever.
   */
  static final class Policy extends TimestampPolicy<String, String> {
    private final ZoneId zone;
    private final Duration maxDelay;
    private final Duration maxClockSkew;
    private Instant newest;

    Policy(
        ZoneId zone,
        Duration maxDelay,
        Duration maxClockSkew,
        Optional<Instant> previousWatermark) {
      this.zone = zone;
      this.maxDelay = maxDelay;
      this.maxClockSkew = maxClockSkew;
      this.newest = previousWatermark.orElse(BoundedWindow.TIMESTAMP_MIN_VALUE).plus(maxDelay);
    }

    @Override
    public Instant getTimestampForRecord(
        PartitionContext context, KafkaRecord<String, String> record) {
      return observe(RatingEventTime.eventTime(record, zone), Instant.now());
    }

    /**
     * Keeps {@code timestamp} as the newest unless it is further ahead of {@code now} than the
     * allowed skew.
     */
    Instant observe(Instant timestamp, Instant now) {
      if (timestamp.isAfter(newest) && !timestamp.isAfter(now.plus(maxClockSkew))) {
        newest = timestamp;
      }
      return timestamp;
    }

    @Override
    public Instant getWatermark(PartitionContext context) {
      return watermark(context, Instant.now());
    }

    Instant watermark(PartitionContext context, Instant now) {
      if (newest.isAfter(now)) {
        return now.minus(maxDelay); // a timestamp from the future: trust the clock instead
      }
      Instant caughtUp = context.getBacklogCheckTime().minus(maxDelay);
      if (context.getMessageBacklog() == 0 && caughtUp.isAfter(newest)) {
        return caughtUp;
      }
      return newest.minus(maxDelay);
    }
  }

  /** KafkaRecord -> KafkaMessage, counting what was read. */
  static final class ToKafkaMessageFn extends DoFn<KafkaRecord<String, String>, KafkaMessage> {
    private final Counter read = PipelineMetrics.counter(PipelineMetrics.READ);
    // Per partition too: the run's monitor tells a partition added while the job runs and never
    // read from one read (see NewPartitions). One DoFn instance per thread: a plain map.
    private transient Map<Integer, Counter> readFrom;

    @ProcessElement
    public void processElement(
        @Element KafkaRecord<String, String> record, OutputReceiver<KafkaMessage> out) {
      read.inc();
      if (readFrom == null) {
        readFrom = new HashMap<>();
      }
      readFrom.computeIfAbsent(record.getPartition(), PipelineMetrics::readFrom).inc();
      SourceKey source =
          new SourceKey(record.getTopic(), record.getPartition(), record.getOffset());
      out.output(new KafkaMessage(source, record.getKV().getKey(), record.getKV().getValue()));
    }
  }
}
