package org.moviestream.pipeline.model;

import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.pipeline.coders.ModelCoders;
import java.io.Serializable;
import java.time.Instant;

/**
 * A valid rating: a person scored a title 1-10 at an instant; {@code source} says where it was read
 * and {@code payload} is the message exactly as it arrived (what a dead letter of it carries).
 */
@DefaultCoder(ModelCoders.RatingCoder.class)
public record Rating(String name, String movie, int ratingMovie, Instant timestamp, SourceOffset source, String payload)
    implements Serializable {}
