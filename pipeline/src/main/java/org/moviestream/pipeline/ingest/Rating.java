package org.moviestream.pipeline.ingest;

import java.io.Serializable;
import java.time.Instant;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.contract.RatingMessage;
import org.moviestream.contract.SourceKey;

/**
 * A valid rating: a person scored a title 1-10 at an instant; {@code source} says where it was read
 * and {@code payload} is the message exactly as it arrived (what a dead letter of it carries).
 */
@DefaultCoder(RatingCoder.class)
public record Rating(
    String name, String movie, int ratingMovie, Instant timestamp, SourceKey source, String payload)
    implements Serializable {

  /** The parsed {@code message} of the Kafka message it was read from. */
  public static Rating of(RatingMessage message, KafkaMessage read) {
    return new Rating(
        message.name(),
        message.movie(),
        message.rating(),
        message.timestamp(),
        read.source(),
        read.payload());
  }
}
