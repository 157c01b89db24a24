package org.moviestream.pipeline.failures;

import java.io.Serializable;
import java.util.Objects;
import org.apache.beam.sdk.coders.DefaultCoder;

/**
 * What became of one message so far: a value ({@code Rating}, then {@code EnrichedRating}), or the
 * dead letter it turned into. Failures travel as data in the element itself rather than as a second
 * output: on the SparkRunner every multi-output ParDo encodes, caches and decodes its whole output
 * (BEAM-2669), once per step; one stream of outcomes is cached once.
 */
@DefaultCoder(OutcomeCoder.class)
public record Outcome<T>(T value, DeadLetter deadLetter) implements Serializable {

  public Outcome {
    if ((value == null) == (deadLetter == null)) {
      throw new IllegalArgumentException("an outcome is either a value or a dead letter");
    }
  }

  public static <T> Outcome<T> of(T value) {
    return new Outcome<>(Objects.requireNonNull(value), null);
  }

  public static <T> Outcome<T> rejected(DeadLetter deadLetter) {
    return new Outcome<>(null, Objects.requireNonNull(deadLetter));
  }

  public boolean isRejected() {
    return deadLetter != null;
  }

  /** The same dead letter, as the outcome of a later step. */
  public <U> Outcome<U> stillRejected() {
    if (!isRejected()) {
      throw new IllegalStateException("not a dead letter: " + value);
    }
    return rejected(deadLetter);
  }
}
