package org.moviestream.pipeline.ingest;

import java.io.IOException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.beam.runners.spark.io.MicrobatchSource;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.UnboundedSource;
import org.apache.beam.sdk.io.kafka.KafkaCheckpointMark;
import org.apache.beam.sdk.io.kafka.KafkaCheckpointMark.PartitionMark;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.io.kafka.KafkaRecord;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.PartitionInfo;
import org.apache.spark.TaskContext;
import org.apache.spark.util.TaskCompletionListener;
import org.joda.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * KafkaIO's unbounded source over every partition a topic has, including partitions added while the
 * job runs: KafkaIO's own reader is fixed to the partitions it started with and fails when the
 * SparkRunner re-creates it (after a slow batch) with a checkpoint of fewer partitions than the
 * topic now has. This source reads in one split (see {@code MovieRatingsPipeline.configureSpark});
 * its reader looks at the topic every {@link #LOOK_EVERY} and, when it grew, carries on in a new
 * KafkaIO reader at the old one's positions, the new partitions at their earliest offsets.
 */
final class GrowingTopicSource
    extends UnboundedSource<KafkaRecord<String, String>, KafkaCheckpointMark> {

  static final Duration LOOK_EVERY = Duration.ofSeconds(10);
  private static final Logger LOG = LoggerFactory.getLogger(GrowingTopicSource.class);
  private static final ParkedReaders<Reading> PARKED = new ParkedReaders<>(Duration.ofMinutes(1));

  /** KafkaIO's read of the topic without its partitions; each reader assigns them. */
  private final KafkaIO.Read<String, String> read;

  private final String topic;

  GrowingTopicSource(KafkaIO.Read<String, String> read, String topic) {
    this.read = read;
    this.topic = topic;
  }

  @Override
  public List<GrowingTopicSource> split(int desiredNumSplits, PipelineOptions options) {
    return List.of(this); // one split: the job's watermark is the earliest of all partitions'
  }

  @Override
  public UnboundedReader<KafkaRecord<String, String>> createReader(
      PipelineOptions options, KafkaCheckpointMark checkpointMark) throws IOException {
    return new Reader(options, checkpointMark);
  }

  // KafkaIO's coders are made on each call, never kept: the SparkRunner keys its cached read state
  // by this source, and Spark estimates that state's size by walking it every micro-batch; with
  // the Avro checkpoint coder kept here it measured 8-40 MB and took half of an idle job's CPU.
  @Override
  public Coder<KafkaCheckpointMark> getCheckpointMarkCoder() {
    return kafkaSource(read).getCheckpointMarkCoder();
  }

  @Override
  public Coder<KafkaRecord<String, String>> getOutputCoder() {
    return kafkaSource(read).getOutputCoder();
  }

  /**
   * {@code mark} for exactly {@code partitions}: the positions it has, and the earliest offset
   * (left to the consumer, which resets to earliest) with the mark's earliest watermark for a
   * partition it does not have; a partition only the mark has is kept, never dropped.
   */
  static KafkaCheckpointMark coverAll(KafkaCheckpointMark mark, List<Integer> partitions) {
    Map<Integer, PartitionMark> marks = new TreeMap<>();
    mark.getPartitions().forEach(p -> marks.put(p.getPartition(), p));
    long watermark =
        mark.getPartitions().stream()
            .mapToLong(PartitionMark::getWatermarkMillis)
            .min()
            .orElse(BoundedWindow.TIMESTAMP_MIN_VALUE.getMillis());
    String topic = mark.getPartitions().get(0).getTopic();
    partitions.forEach(
        p -> marks.computeIfAbsent(p, added -> new PartitionMark(topic, added, -1, watermark)));
    return new KafkaCheckpointMark(new ArrayList<>(marks.values()), Optional.empty());
  }

  private static List<Integer> partitionsOf(KafkaCheckpointMark mark) {
    return mark.getPartitions().stream().map(PartitionMark::getPartition).toList();
  }

  /** KafkaIO's source for the read as configured; KafkaIO keeps the method package-private. */
  @SuppressWarnings("unchecked")
  private static UnboundedSource<KafkaRecord<String, String>, KafkaCheckpointMark> kafkaSource(
      KafkaIO.Read<String, String> read) {
    try {
      Method makeSource = KafkaIO.Read.class.getDeclaredMethod("makeSource");
      makeSource.setAccessible(true);
      return (UnboundedSource<KafkaRecord<String, String>, KafkaCheckpointMark>)
          makeSource.invoke(read);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("this Beam version's KafkaIO has no makeSource()", e);
    }
  }

  /**
   * A reader for one micro-batch: it carries on in the reading this JVM parked at exactly the
   * batch's start mark, or opens one there; at the end of a Spark read task it parks its reading.
   */
  private final class Reader extends UnboundedReader<KafkaRecord<String, String>> {
    private final PipelineOptions options;
    private KafkaCheckpointMark startMark;
    private Reading reading;
    private boolean inSparkTask;
    private boolean failed;

    Reader(PipelineOptions options, KafkaCheckpointMark mark) {
      this.options = options;
      // The SparkRunner's first batch brings an empty mark rather than none.
      this.startMark = mark == null || mark.getPartitions() == null ? null : mark;
    }

    @Override
    public boolean start() throws IOException {
      emptyTheRunnersReaderCacheWhenTheTaskEnds();
      Map<Integer, Long> at = startMark == null ? null : positionsOf(startMark);
      Optional<Reading> parked = at == null ? Optional.empty() : PARKED.take(slot(), at);
      if (parked.isPresent()) {
        reading = parked.get();
        return advance();
      }
      LOG.info("opening a reader of {} at {}", topic, at == null ? "the group's offsets" : at);
      try {
        reading = new Reading(options);
        return reading.start(startMark);
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw e;
      }
    }

    /**
     * The runner's cache would hand this reader to the next batch read in this JVM whatever mark
     * Spark's state holds (see {@link ParkedReaders}); emptied when the read task ends, the next
     * batch asks this source for a reader at its mark and gets the parked reading only there.
     */
    private void emptyTheRunnersReaderCacheWhenTheTaskEnds() {
      TaskContext task = TaskContext.get();
      if (task != null) {
        inSparkTask = true;
        task.addTaskCompletionListener(
            (TaskCompletionListener) ended -> MicrobatchSource.clearCache());
      }
    }

    @Override
    public boolean advance() throws IOException {
      try {
        return reading.advance();
      } catch (IOException | RuntimeException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public KafkaRecord<String, String> getCurrent() throws NoSuchElementException {
      return reading.kafka.getCurrent();
    }

    @Override
    public Instant getCurrentTimestamp() throws NoSuchElementException {
      return reading.kafka.getCurrentTimestamp();
    }

    @Override
    public Instant getWatermark() {
      return reading.kafka.getWatermark();
    }

    @Override
    public CheckpointMark getCheckpointMark() {
      return reading.kafka.getCheckpointMark();
    }

    @Override
    public long getSplitBacklogBytes() {
      return reading.kafka.getSplitBacklogBytes();
    }

    @Override
    public UnboundedSource<KafkaRecord<String, String>, ?> getCurrentSource() {
      return GrowingTopicSource.this;
    }

    @Override
    public void close() throws IOException {
      Reading done = reading;
      reading = null;
      if (done == null) {
        return;
      }
      if (inSparkTask && !failed) {
        PARKED.park(
            slot(), positionsOf((KafkaCheckpointMark) done.kafka.getCheckpointMark()), done);
      } else {
        done.close();
      }
    }
  }

  /** The slot of this source's parked reading: its topic on its cluster, for its group. */
  private String slot() {
    Map<String, Object> config = read.getConsumerConfig();
    return topic
        + "@"
        + config.get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG)
        + "/"
        + config.get(ConsumerConfig.GROUP_ID_CONFIG);
  }

  private static Map<Integer, Long> positionsOf(KafkaCheckpointMark mark) {
    Map<Integer, Long> positions = new TreeMap<>();
    mark.getPartitions().forEach(p -> positions.put(p.getPartition(), p.getNextOffset()));
    return positions;
  }

  /** A KafkaIO reader of the partitions the topic has, replaced by a wider one when it grows. */
  private final class Reading implements AutoCloseable {
    private final PipelineOptions options;
    private final Consumer<byte[], byte[]> metadata;
    private List<Integer> partitions;
    private UnboundedReader<KafkaRecord<String, String>> kafka;
    private long nextLook;

    Reading(PipelineOptions options) {
      this.options = options;
      this.metadata = read.getConsumerFactoryFn().apply(read.getConsumerConfig());
    }

    boolean start(KafkaCheckpointMark startMark) throws IOException {
      Optional<List<Integer>> listed = partitionsOfTopic();
      if (startMark == null) {
        partitions =
            listed.orElseThrow(() -> new IOException("cannot list the partitions of " + topic));
      } else {
        startMark = coverAll(startMark, listed.orElse(List.of()));
        partitions = partitionsOf(startMark);
      }
      kafka = open(partitions, startMark);
      nextLook = System.nanoTime() + LOOK_EVERY.toNanos();
      return kafka.start();
    }

    boolean advance() throws IOException {
      if (System.nanoTime() - nextLook >= 0) {
        nextLook = System.nanoTime() + LOOK_EVERY.toNanos();
        Optional<List<Integer>> now = partitionsOfTopic();
        if (now.isPresent() && !partitions.containsAll(now.get())) {
          return widen(now.get());
        }
      }
      return kafka.advance();
    }

    /** Carries on in a reader of {@code now}'s partitions too, from the current positions. */
    private boolean widen(List<Integer> now) throws IOException {
      KafkaCheckpointMark at = coverAll((KafkaCheckpointMark) kafka.getCheckpointMark(), now);
      List<Integer> wider = partitionsOf(at);
      LOG.info(
          "{} has {} partitions now, not {}: reading the new ones from their earliest offsets",
          topic,
          wider.size(),
          partitions.size());
      kafka.close();
      partitions = wider;
      kafka = open(wider, at);
      return kafka.start();
    }

    private UnboundedReader<KafkaRecord<String, String>> open(
        List<Integer> assigned, KafkaCheckpointMark mark) throws IOException {
      List<org.apache.kafka.common.TopicPartition> topicPartitions =
          assigned.stream().map(p -> new org.apache.kafka.common.TopicPartition(topic, p)).toList();
      UnboundedSource<KafkaRecord<String, String>, KafkaCheckpointMark> source =
          kafkaSource(read.withTopicPartitions(topicPartitions));
      try {
        return source.split(1, options).get(0).createReader(options, mark);
      } catch (IOException e) {
        throw e;
      } catch (Exception e) {
        throw new IOException("cannot read " + topic + ": " + e.getMessage(), e);
      }
    }

    /** The topic's partitions, or empty when Kafka does not answer (the reader carries on). */
    private Optional<List<Integer>> partitionsOfTopic() {
      try {
        List<PartitionInfo> infos = metadata.partitionsFor(topic, Duration.ofSeconds(5));
        if (infos == null || infos.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(infos.stream().map(PartitionInfo::partition).sorted().toList());
      } catch (RuntimeException e) {
        LOG.debug("cannot list the partitions of {}: {}", topic, e.getMessage());
        return Optional.empty();
      }
    }

    @Override
    public void close() throws IOException {
      try {
        if (kafka != null) {
          kafka.close();
        }
      } finally {
        metadata.close();
      }
    }
  }
}
