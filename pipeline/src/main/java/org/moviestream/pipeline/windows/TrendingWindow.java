package org.moviestream.pipeline.windows;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.moviestream.pipeline.durability.WindowAggregate;

/**
 * The most rated titles of one event-time window, everyone's ratings together, most rated first;
 * {@code ratings} counts all of the window's ratings so far.
 */
@DefaultCoder(SerializableCoder.class)
public record TrendingWindow(
    Instant windowStart, Instant windowEnd, List<TitleCount> titles, long ratings)
    implements Serializable, WindowAggregate {

  /** One title of a ranking and its number of ratings. */
  public record TitleCount(String title, long ratings) implements Serializable {}

  /** The ranking counts everyone's ratings. */
  @Override
  public String owner() {
    return WindowAcks.EVERYONE;
  }

  @Override
  public long windowEndMillis() {
    return windowEnd.toEpochMilli();
  }
}
