package org.moviestream.pipeline.windows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.contract.SourceKey;

/**
 * Ratings counted in one event-time window, everyone's together: per title, in all, and the highest
 * offset per Kafka partition among them.
 */
@DefaultCoder(WindowTallyCoder.class)
public final class WindowTally {

  private final HashMap<String, Long> perTitle = new HashMap<>();
  private final HashMap<String, SourceKey> lastOffsets = new HashMap<>();
  private long ratings;

  /** For the coder: a tally rebuilt from its parts. */
  public static WindowTally of(
      Map<String, Long> perTitle, List<SourceKey> lastOffsets, long ratings) {
    WindowTally tally = new WindowTally();
    tally.perTitle.putAll(perTitle);
    lastOffsets.forEach(offset -> tally.lastOffsets.put(offset.partitionKey(), offset));
    tally.ratings = ratings;
    return tally;
  }

  /** Counts one rating of {@code title}, read at {@code source}. */
  public WindowTally add(String title, SourceKey source) {
    perTitle.merge(title, 1L, Long::sum);
    lastOffsets.merge(source.partitionKey(), source, SourceKey::later);
    ratings++;
    return this;
  }

  /** Adds {@code other}'s counts to this one's. */
  public WindowTally merge(WindowTally other) {
    other.perTitle.forEach((title, count) -> perTitle.merge(title, count, Long::sum));
    other.lastOffsets.forEach(
        (partition, source) -> lastOffsets.merge(partition, source, SourceKey::later));
    ratings += other.ratings;
    return this;
  }

  public Map<String, Long> perTitle() {
    return perTitle;
  }

  public long ratings() {
    return ratings;
  }

  public List<SourceKey> lastOffsets() {
    return List.copyOf(lastOffsets.values());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WindowTally that
        && ratings == that.ratings
        && perTitle.equals(that.perTitle)
        && lastOffsets.equals(that.lastOffsets);
  }

  @Override
  public int hashCode() {
    return Objects.hash(perTitle, lastOffsets, ratings);
  }
}
