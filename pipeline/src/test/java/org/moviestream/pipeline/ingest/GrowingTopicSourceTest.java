package org.moviestream.pipeline.ingest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.io.kafka.KafkaCheckpointMark;
import org.apache.beam.sdk.io.kafka.KafkaCheckpointMark.PartitionMark;
import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.util.SizeEstimator;
import org.junit.Test;

public class GrowingTopicSourceTest {

  /**
   * The SparkRunner takes the latest watermark of a source's splits as the job's: however many
   * splits Spark asks for, the topic is read in one, whose watermark is the earliest partition's.
   */
  @Test
  public void theTopicIsReadInOneSplitHoweverManySparkAsksFor() throws Exception {
    GrowingTopicSource source = source();
    assertEquals(
        List.of(source),
        source.split(8, org.apache.beam.sdk.options.PipelineOptionsFactory.create()));
  }

  private static GrowingTopicSource source() {
    return new GrowingTopicSource(
        KafkaIO.<String, String>read()
            .withBootstrapServers("localhost:1")
            .withKeyDeserializerAndCoder(
                StringDeserializer.class, NullableCoder.of(StringUtf8Coder.of()))
            .withValueDeserializerAndCoder(
                StringDeserializer.class, NullableCoder.of(StringUtf8Coder.of())),
        "movies_ratings");
  }

  /**
   * The SparkRunner keys its cached read state by the source and Spark estimates that state's size
   * by walking it every micro-batch: a source holding KafkaIO's Avro checkpoint coder measured 8-40
   * MB and made an idle pipeline spend half its CPU in that walk.
   */
  @Test
  public void theSourceStaysSmallForSparksSizeEstimateOfTheCachedReadState() {
    GrowingTopicSource source = source();
    source.getCheckpointMarkCoder();
    source.getOutputCoder();

    long bytes = SizeEstimator.estimate(source);
    assertTrue("Spark estimates the source at " + bytes + " bytes", bytes < 64 * 1024);
  }

  private static KafkaCheckpointMark mark(PartitionMark... partitions) {
    return new KafkaCheckpointMark(List.of(partitions), Optional.empty());
  }

  private static String describe(KafkaCheckpointMark mark) {
    StringBuilder text = new StringBuilder();
    mark.getPartitions()
        .forEach(
            p ->
                text.append(p.getPartition())
                    .append('@')
                    .append(p.getNextOffset())
                    .append('/')
                    .append(p.getWatermarkMillis())
                    .append(' '));
    return text.toString().strip();
  }

  @Test
  public void aPartitionTheMarkLacksStartsAtItsEarliestOffsetWithTheMarksEarliestWatermark() {
    KafkaCheckpointMark stored =
        mark(new PartitionMark("t", 0, 120, 5_000), new PartitionMark("t", 1, 98, 4_000));
    assertEquals(
        "0@120/5000 1@98/4000 2@-1/4000 3@-1/4000",
        describe(GrowingTopicSource.coverAll(stored, List.of(0, 1, 2, 3))));
  }

  @Test
  public void aMarkOfEveryPartitionIsKeptAsItIs() {
    KafkaCheckpointMark stored =
        mark(new PartitionMark("t", 0, 7, 1_000), new PartitionMark("t", 1, 9, 2_000));
    assertEquals("0@7/1000 1@9/2000", describe(GrowingTopicSource.coverAll(stored, List.of(0, 1))));
  }

  @Test
  public void aPartitionOnlyTheMarkHasIsKeptNotDropped() {
    KafkaCheckpointMark stored =
        mark(new PartitionMark("t", 0, 7, 1_000), new PartitionMark("t", 2, 3, 2_000));
    // Kafka answered with fewer partitions (or not at all): reading goes on where it was.
    assertEquals("0@7/1000 2@3/2000", describe(GrowingTopicSource.coverAll(stored, List.of())));
    assertEquals(
        "0@7/1000 1@-1/1000 2@3/2000",
        describe(GrowingTopicSource.coverAll(stored, List.of(0, 1))));
  }
}
