package org.moviestream.pipeline.durability;

/**
 * An aggregate of one event-time window, as the offset tracking sees it: whose it is (a person, or
 * a stand-in for everyone's ratings) and when its window ends.
 */
public interface WindowAggregate {

  /** The person whose ratings it counts, or the stand-in for everyone's. */
  String owner();

  /** The end of its event-time window, in epoch milliseconds. */
  long windowEndMillis();
}
