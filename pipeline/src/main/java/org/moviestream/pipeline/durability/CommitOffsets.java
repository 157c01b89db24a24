package org.moviestream.pipeline.durability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PDone;
import org.moviestream.kafka.KafkaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Committable offsets ("topic/partition" -> next offset to read) -> the consumer group's committed
 * offsets in Kafka, where the next run resumes. One commit per partition per bundle, the highest. A
 * commit that fails is only logged: the next one carries the offsets, and until then a restart
 * replays a little more (rows are upserts).
 */
public final class CommitOffsets extends PTransform<PCollection<KV<String, Long>>, PDone> {

  private static final Logger LOG = LoggerFactory.getLogger(CommitOffsets.class);

  private final KafkaSettings kafka;
  private final String group;
  private final Committer committer;

  /**
   * Commits to {@code group}, noting {@code committer} (this run, its target) beside each offset.
   */
  public CommitOffsets(KafkaSettings kafka, String group, Committer committer) {
    this.kafka = kafka;
    this.group = group;
    this.committer = committer;
  }

  @Override
  public PDone expand(PCollection<KV<String, Long>> offsets) {
    offsets.apply("CommitToGroup", ParDo.of(new CommitFn(kafka, group, committer)));
    return PDone.in(offsets.getPipeline());
  }

  static final class CommitFn extends DoFn<KV<String, Long>, Void> {
    private final KafkaSettings kafka;
    private final String group;
    private final Committer committer;
    private transient Map<String, Long> highest;

    CommitFn(KafkaSettings kafka, String group, Committer committer) {
      this.kafka = kafka;
      this.group = group;
      this.committer = committer;
    }

    @StartBundle
    public void startBundle() {
      highest = new HashMap<>();
    }

    @ProcessElement
    public void processElement(@Element KV<String, Long> offset) {
      highest.merge(offset.getKey(), offset.getValue(), Math::max);
    }

    @FinishBundle
    public void finishBundle() throws InterruptedException {
      if (!highest.isEmpty()) {
        try {
          new ConsumerGroupOffsets(kafka, group, Duration.ofSeconds(10)).commit(highest, committer);
        } catch (java.util.concurrent.ExecutionException
            | java.util.concurrent.TimeoutException e) {
          LOG.warn(
              "could not commit offsets {} of group {} ({}): the next commit carries them",
              highest,
              group,
              e.getMessage());
        }
      }
      highest = null;
    }
  }
}
