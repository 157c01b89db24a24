package org.moviestream.pipeline.durability;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.state.StateSpec;
import org.apache.beam.sdk.state.StateSpecs;
import org.apache.beam.sdk.state.ValueState;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.DefaultTrigger;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.joda.time.Duration;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.metrics.Waits;

/**
 * The {@link Acks} of every durable output (rows, dead letters, window aggregates, each made by
 * {@link #acks}) -> per Kafka partition ("topic/partition"), each new committable offset: the first
 * offset not yet settled (see {@link PartitionProgress}). Starts from the offsets the run resumed
 * at.
 */
public final class TrackSettledOffsets
    extends PTransform<PCollectionList<KV<String, Acks>>, PCollection<KV<String, Long>>> {

  /**
   * Counts a person's window again for ratings that came too late for any pane (Beam drops them
   * from the aggregate once the window is closed for good; their rows are stored all the same).
   */
  public interface LateRatings extends Serializable {
    void recountLate(String person, java.time.Instant windowStart, java.time.Instant windowEnd)
        throws Exception;
  }

  /**
   * The earliest offset a partition ("topic/partition") holds now, or -1 when it cannot be asked
   * (yet): where a gap of deleted messages ends.
   */
  public interface LogStart extends Serializable {
    long earliest(String partition);
  }

  private final Map<String, Long> resumedAt;
  private final WindowClosure windows;
  private final LateRatings lateRatings;
  private final String everyone;
  private final LogStart logStart;

  private TrackSettledOffsets(
      Map<String, Long> resumedAt,
      WindowClosure windows,
      LateRatings lateRatings,
      String everyone,
      LogStart logStart) {
    this.resumedAt = new HashMap<>(resumedAt);
    this.windows = windows;
    this.lateRatings = lateRatings;
    this.everyone = everyone;
    this.logStart = logStart;
  }

  /**
   * {@code resumedAt}: "topic/partition" -> the offset the run started reading at; {@code windows}
   * says when a window is closed for good; {@code lateRatings} counts a person's window again when
   * ratings came too late for its panes; {@code everyone} is the key of an aggregate of all
   * ratings, never counted again as a person's window; {@code logStart} says where a partition
   * starts now, so that messages deleted before the job read them (retention, delete-records) are
   * said once and committed past, as at a start, instead of holding the partition for good.
   */
  public static TrackSettledOffsets from(
      Map<String, Long> resumedAt,
      WindowClosure windows,
      LateRatings lateRatings,
      String everyone,
      LogStart logStart) {
    return new TrackSettledOffsets(resumedAt, windows, lateRatings, everyone, logStart);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollectionList<KV<String, Acks>> acks) {
    return acks.apply("AllAcks", Flatten.pCollections())
        .apply(
            "ProgressPerPartition",
            ParDo.of(new ProgressFn(resumedAt, windows, lateRatings, everyone, logStart)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /**
   * The acks of one kind of durable output, in the global window where the per-partition state
   * lives.
   */
  public static <T> PCollection<KV<String, Acks>> acks(
      PCollection<T> durable, String kind, AcksPerBundleFn<T> fn) {
    return durable
        .apply(kind + "Acks", ParDo.of(fn))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), AcksCoder.of()))
        .apply(
            kind + "InGlobalWindow",
            Window.<KV<String, Acks>>into(new GlobalWindows())
                .triggering(DefaultTrigger.of())
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes());
  }

  /**
   * Per partition: adds each bundle's acks to the partition's progress and emits the committable
   * offset when it moves.
   */
  static final class ProgressFn extends DoFn<KV<String, Acks>, KV<String, Long>> {
    private final Map<String, Long> resumedAt;
    private final WindowClosure windows;
    private final LateRatings lateRatings;
    private final String everyone;
    private final LogStart logStart;
    private final Counter recounted = PipelineMetrics.counter(PipelineMetrics.LATE_WINDOWS);
    private final Counter committable = PipelineMetrics.counter(PipelineMetrics.COMMITTED);

    @StateId("progress")
    private final StateSpec<ValueState<PartitionProgress>> progressSpec =
        StateSpecs.value(ProgressCoder.of());

    ProgressFn(
        Map<String, Long> resumedAt,
        WindowClosure windows,
        LateRatings lateRatings,
        String everyone,
        LogStart logStart) {
      this.resumedAt = resumedAt;
      this.windows = windows;
      this.lateRatings = lateRatings;
      this.everyone = everyone;
      this.logStart = logStart;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, Acks> acks,
        @StateId("progress") ValueState<PartitionProgress> state,
        OutputReceiver<KV<String, Long>> out)
        throws Exception {
      PartitionProgress progress = state.read();
      if (progress == null) {
        progress = PartitionProgress.startingAt(resumedAt.getOrDefault(acks.getKey(), 0L));
      }
      long before = progress.committed();
      progress.add(acks.getValue());
      for (PartitionProgress.LateRating late : progress.lateRatings(windows, everyone)) {
        lateRatings.recountLate(
            late.person(),
            java.time.Instant.ofEpochMilli(windows.startOf(late.windowEnd())),
            java.time.Instant.ofEpochMilli(late.windowEnd()));
        progress.add(Acks.none().windowed(late.person(), late.windowEnd(), late.lastOffset()));
        recounted.inc();
      }
      boolean moved = progress.advance(windows);
      if (progress.gapped()) {
        long start = logStart.earliest(acks.getKey());
        long lostFrom = progress.committed();
        if (start > lostFrom && progress.skipDeleted(start, windows)) {
          moved = true;
          System.err.printf(
              "LOST: %s offsets %d-%d were deleted (retention or delete-records) before the job"
                  + " read them: committing past them%n",
              acks.getKey(), lostFrom, start - 1);
        }
      }
      if (moved) {
        committable.inc(progress.committed() - before);
        out.output(KV.of(acks.getKey(), progress.committed()));
      }
      Waits.held(acks.getKey(), progress.holdUp());
      state.write(progress);
    }
  }
}
