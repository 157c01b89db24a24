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
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.joda.time.Duration;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.ingest.Rating;
import org.moviestream.pipeline.metrics.PipelineMetrics;
import org.moviestream.pipeline.metrics.Waits;
import org.moviestream.pipeline.windows.RatingWindows;
import org.moviestream.pipeline.windows.TrendingWindow;
import org.moviestream.pipeline.windows.WindowPane;

/**
 * What has become durable ({@link #SETTLED}: rows and dead letters; {@link #WINDOWED}: window rows;
 * {@link #TRENDED}: trending rankings) -> per Kafka partition ("topic/partition"), each new
 * committable offset: the first offset not yet settled (see {@link PartitionProgress}). Starts from
 * the offsets the run resumed at.
 *
 * <p>A rating waits for two windows: its person's and the trending ranking's, which counts
 * everyone's ratings and is tracked as the person {@link #EVERYONE}.
 */
public final class TrackSettledOffsets
    extends PTransform<PCollectionTuple, PCollection<KV<String, Long>>> {

  public static final TupleTag<Outcome<EnrichedRating>> SETTLED = new TupleTag<>() {};
  public static final TupleTag<WindowPane> WINDOWED = new TupleTag<>() {};
  public static final TupleTag<TrendingWindow> TRENDED = new TupleTag<>() {};

  /**
   * The trending ranking's share of a window; no person has an empty name (the parser refuses it).
   */
  static final String EVERYONE = "";

  /**
   * Counts a person's window again for ratings that came too late for any pane (Beam drops them
   * from the aggregate once the window is closed for good; their rows are stored all the same).
   */
  public interface LateRatings extends Serializable {
    void recountLate(String person, java.time.Instant windowStart, java.time.Instant windowEnd)
        throws Exception;
  }

  private final Map<String, Long> resumedAt;
  private final RatingWindows windows;
  private final LateRatings lateRatings;

  private TrackSettledOffsets(
      Map<String, Long> resumedAt, RatingWindows windows, LateRatings lateRatings) {
    this.resumedAt = new HashMap<>(resumedAt);
    this.windows = windows;
    this.lateRatings = lateRatings;
  }

  /**
   * {@code resumedAt}: "topic/partition" -> the offset the run started reading at; {@code
   * lateRatings} counts a person's window again when ratings came too late for its panes.
   */
  public static TrackSettledOffsets from(
      Map<String, Long> resumedAt, RatingWindows windows, LateRatings lateRatings) {
    return new TrackSettledOffsets(resumedAt, windows, lateRatings);
  }

  @Override
  public PCollection<KV<String, Long>> expand(PCollectionTuple durable) {
    return PCollectionList.of(acks(durable.get(SETTLED), "Settled", new SettledAcksFn(windows)))
        .and(acks(durable.get(WINDOWED), "Windowed", new WindowedAcksFn()))
        .and(acks(durable.get(TRENDED), "Trended", new TrendedAcksFn()))
        .apply("AllAcks", Flatten.pCollections())
        .apply("ProgressPerPartition", ParDo.of(new ProgressFn(resumedAt, windows, lateRatings)))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()));
  }

  /**
   * The deltas of one kind of acknowledgement, in the global window where the per-partition state
   * lives.
   */
  private static <T> PCollection<KV<String, PartitionProgress>> acks(
      PCollection<T> durable, String kind, AcksPerBundleFn<T> fn) {
    return durable
        .apply(kind + "Acks", ParDo.of(fn))
        .setCoder(KvCoder.of(StringUtf8Coder.of(), ProgressCoder.of()))
        .apply(
            kind + "InGlobalWindow",
            Window.<KV<String, PartitionProgress>>into(new GlobalWindows())
                .triggering(DefaultTrigger.of())
                .withAllowedLateness(Duration.ZERO)
                .discardingFiredPanes());
  }

  /**
   * Collects a bundle's acknowledgements into one delta per partition, emitted when the bundle
   * ends.
   */
  abstract static class AcksPerBundleFn<T> extends DoFn<T, KV<String, PartitionProgress>> {
    private transient Map<String, PartitionProgress> deltas;

    abstract void acknowledge(T element, Map<String, PartitionProgress> deltas);

    static PartitionProgress delta(Map<String, PartitionProgress> deltas, SourceOffset source) {
      return deltas.computeIfAbsent(source.partitionKey(), key -> PartitionProgress.delta());
    }

    @StartBundle
    public void startBundle() {
      deltas = new HashMap<>();
    }

    @ProcessElement
    public void processElement(@Element T element) {
      acknowledge(element, deltas);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext context) {
      deltas.forEach(
          (partition, delta) ->
              context.output(
                  KV.of(partition, delta),
                  GlobalWindow.INSTANCE.maxTimestamp(),
                  GlobalWindow.INSTANCE));
      deltas = null;
    }
  }

  /**
   * A rating's row is in Cassandra (its window is the fixed window of its event time), or a message
   * is on the dead-letter topic.
   */
  static final class SettledAcksFn extends AcksPerBundleFn<Outcome<EnrichedRating>> {
    private final RatingWindows windows;

    SettledAcksFn(RatingWindows windows) {
      this.windows = windows;
    }

    @Override
    void acknowledge(Outcome<EnrichedRating> settled, Map<String, PartitionProgress> deltas) {
      if (settled.isRejected()) {
        SourceOffset source = settled.deadLetter().source();
        delta(deltas, source).deadLettered(source.offset());
        return;
      }
      Rating rating = settled.value().rating();
      long windowEnd = windows.windowOf(rating.timestamp()).end().getMillis();
      delta(deltas, rating.source())
          .written(rating.source().offset(), rating.name(), windowEnd)
          .written(rating.source().offset(), EVERYONE, windowEnd);
    }
  }

  /** A person's window row is written, counting their ratings up to the pane's last offsets. */
  static final class WindowedAcksFn extends AcksPerBundleFn<WindowPane> {
    @Override
    void acknowledge(WindowPane pane, Map<String, PartitionProgress> deltas) {
      for (SourceOffset last : pane.lastOffsets()) {
        delta(deltas, last).windowed(pane.name(), pane.windowEnd().toEpochMilli(), last.offset());
      }
    }
  }

  /**
   * A pane of a window's trending ranking is written, counting everyone's ratings up to its last
   * offsets.
   */
  static final class TrendedAcksFn extends AcksPerBundleFn<TrendingWindow> {
    @Override
    void acknowledge(TrendingWindow trending, Map<String, PartitionProgress> deltas) {
      for (SourceOffset last : trending.lastOffsets()) {
        delta(deltas, last).windowed(EVERYONE, trending.windowEnd().toEpochMilli(), last.offset());
      }
    }
  }

  /**
   * Per partition: merges each delta into the partition's progress and emits the committable offset
   * when it moves.
   */
  static final class ProgressFn extends DoFn<KV<String, PartitionProgress>, KV<String, Long>> {
    private final Map<String, Long> resumedAt;
    private final RatingWindows windows;
    private final LateRatings lateRatings;
    private final Counter recounted = PipelineMetrics.counter(PipelineMetrics.LATE_WINDOWS);
    private final Counter committable = PipelineMetrics.counter(PipelineMetrics.COMMITTED);

    @StateId("progress")
    private final StateSpec<ValueState<PartitionProgress>> progressSpec =
        StateSpecs.value(ProgressCoder.of());

    ProgressFn(Map<String, Long> resumedAt, RatingWindows windows, LateRatings lateRatings) {
      this.resumedAt = resumedAt;
      this.windows = windows;
      this.lateRatings = lateRatings;
    }

    @ProcessElement
    public void processElement(
        @Element KV<String, PartitionProgress> delta,
        @StateId("progress") ValueState<PartitionProgress> state,
        OutputReceiver<KV<String, Long>> out)
        throws Exception {
      PartitionProgress progress = state.read();
      if (progress == null) {
        progress = PartitionProgress.startingAt(resumedAt.getOrDefault(delta.getKey(), 0L));
      }
      long before = progress.committed();
      progress.merge(delta.getValue());
      for (PartitionProgress.LateRating late : progress.lateRatings(windows, EVERYONE)) {
        java.time.Instant end = java.time.Instant.ofEpochMilli(late.windowEnd());
        lateRatings.recountLate(late.person(), end.minusMillis(windows.size().getMillis()), end);
        progress.windowed(late.person(), late.windowEnd(), late.lastOffset());
        recounted.inc();
      }
      if (progress.advance(windows)) {
        committable.inc(progress.committed() - before);
        out.output(KV.of(delta.getKey(), progress.committed()));
      }
      Waits.held(delta.getKey(), progress.holdUp());
      state.write(progress);
    }
  }
}
