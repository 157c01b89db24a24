package org.moviestream.pipeline.io;

import org.apache.beam.sdk.io.kafka.KafkaIO;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.apache.kafka.common.serialization.StringSerializer;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.model.DeadLetter;

/**
 * {@link DeadLetter}s -> JSON records on the dead-letter topic, keyed by their source
 * "topic/partition/offset" (so a reader can tell a replayed reject from a new one).
 */
public final class WriteDeadLetters extends PTransform<PCollection<DeadLetter>, PDone> {

  private final String bootstrapServers;
  private final String topic;

  public WriteDeadLetters(String bootstrapServers, String topic) {
    this.bootstrapServers = bootstrapServers;
    this.topic = topic;
  }

  @Override
  public PDone expand(PCollection<DeadLetter> deadLetters) {
    return deadLetters
        .apply("ToJson", ParDo.of(new ToRecordFn()))
        .apply("WriteToKafka",
            KafkaIO.<String, String>write()
                .withBootstrapServers(bootstrapServers)
                .withTopic(topic)
                .withKeySerializer(StringSerializer.class)
                .withValueSerializer(StringSerializer.class));
  }

  static final class ToRecordFn extends DoFn<DeadLetter, KV<String, String>> {
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.DEAD_LETTERS);

    @ProcessElement
    public void processElement(@Element DeadLetter deadLetter, OutputReceiver<KV<String, String>> out) {
      written.inc();
      out.output(KV.of(deadLetter.source().toString(), deadLetter.toJson()));
    }
  }
}
