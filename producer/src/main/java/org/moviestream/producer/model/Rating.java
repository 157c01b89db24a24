package org.moviestream.producer.model;

import java.time.Instant;

/** One person's 1-10 score of one title at one instant: the message the producer publishes. */
public record Rating(String name, String movie, int rating, Instant timestamp) {

  public static final int MIN = 1;
  public static final int MAX = 10;

  public Rating {
    if (rating < MIN || rating > MAX) {
      throw new IllegalArgumentException("rating must be " + MIN + "-" + MAX + ", was " + rating);
    }
  }
}
