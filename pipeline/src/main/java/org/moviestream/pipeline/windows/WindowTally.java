package org.moviestream.pipeline.windows;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/** Ratings counted in one event-time window, everyone's together: per title, and in all. */
@DefaultCoder(WindowTallyCoder.class)
public final class WindowTally {

  private final HashMap<String, Long> perTitle = new HashMap<>();
  private long ratings;

  /** For the coder: a tally rebuilt from its parts. */
  public static WindowTally of(Map<String, Long> perTitle, long ratings) {
    WindowTally tally = new WindowTally();
    tally.perTitle.putAll(perTitle);
    tally.ratings = ratings;
    return tally;
  }

  /** Counts one rating of {@code title}. */
  public WindowTally add(String title) {
    perTitle.merge(title, 1L, Long::sum);
    ratings++;
    return this;
  }

  /** Adds {@code other}'s counts to this one's. */
  public WindowTally merge(WindowTally other) {
    other.perTitle.forEach((title, count) -> perTitle.merge(title, count, Long::sum));
    ratings += other.ratings;
    return this;
  }

  public Map<String, Long> perTitle() {
    return perTitle;
  }

  public long ratings() {
    return ratings;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WindowTally that
        && ratings == that.ratings
        && perTitle.equals(that.perTitle);
  }

  @Override
  public int hashCode() {
    return Objects.hash(perTitle, ratings);
  }
}
