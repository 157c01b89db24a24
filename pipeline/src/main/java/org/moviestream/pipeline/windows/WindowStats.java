package org.moviestream.pipeline.windows;

import java.io.Serializable;
import java.time.Instant;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;

/**
 * One person's ratings in one event-time window: how many, their average score, and the average
 * runtime of the movies among them (null when the window holds only TV shows).
 */
@DefaultCoder(SerializableCoder.class)
public record WindowStats(
    String name,
    Instant windowStart,
    Instant windowEnd,
    long ratings,
    double avgRatingMovie,
    Double avgDuration)
    implements Serializable {}
