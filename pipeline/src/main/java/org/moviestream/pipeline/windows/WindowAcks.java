package org.moviestream.pipeline.windows;

import java.util.Map;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.moviestream.contract.SourceKey;
import org.moviestream.pipeline.durability.Acks;
import org.moviestream.pipeline.durability.AcksPerBundleFn;
import org.moviestream.pipeline.durability.AggregateAcksFn;
import org.moviestream.pipeline.durability.Counted;
import org.moviestream.pipeline.durability.TrackSettledOffsets;
import org.moviestream.pipeline.failures.Outcome;
import org.moviestream.pipeline.ingest.EnrichedRating;
import org.moviestream.pipeline.ingest.Rating;

/**
 * What each durable output acknowledges, for {@link TrackSettledOffsets}: a settled rating (its
 * row, or a dead letter) waits for two windows, its person's and the trending ranking's, which
 * counts everyone's ratings and is tracked as the person {@link #EVERYONE}; a window row and a
 * ranking acknowledge the offsets they counted.
 */
public final class WindowAcks {

  /**
   * The trending ranking's share of a window; no person has an empty name (the parser refuses it).
   */
  public static final String EVERYONE = "";

  private WindowAcks() {}

  /** The acknowledgements of rows and dead letters, window rows and rankings. */
  public static PCollectionList<KV<String, Acks>> of(
      PCollection<Outcome<EnrichedRating>> settled,
      PCollection<Counted<WindowPane>> windowed,
      PCollection<Counted<TrendingWindow>> trended,
      RatingWindows windows) {
    return PCollectionList.of(
            TrackSettledOffsets.acks(settled, "Settled", new SettledAcksFn(windows)))
        .and(TrackSettledOffsets.acks(windowed, "Windowed", new AggregateAcksFn<>()))
        .and(TrackSettledOffsets.acks(trended, "Trended", new AggregateAcksFn<>()));
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
    protected void acknowledge(Outcome<EnrichedRating> settled, Map<String, Acks> acks) {
      if (settled.isRejected()) {
        SourceKey source = settled.deadLetter().source();
        acksOf(acks, source).deadLettered(source.offset());
        return;
      }
      Rating rating = settled.value().rating();
      long windowEnd = windows.windowOf(rating.timestamp()).end().getMillis();
      acksOf(acks, rating.source())
          .written(rating.source().offset(), rating.name(), windowEnd)
          .written(rating.source().offset(), EVERYONE, windowEnd);
    }
  }
}
