package org.moviestream.pipeline.windows;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.moviestream.contract.SourceKey;

/**
 * One firing of a person's event-time window: which window, and the highest offset per Kafka
 * partition among the ratings that reached it (the ratings themselves are read back from
 * Cassandra).
 */
@DefaultCoder(SerializableCoder.class)
public record WindowPane(
    String name, Instant windowStart, Instant windowEnd, List<SourceKey> lastOffsets)
    implements Serializable {}
