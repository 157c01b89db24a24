package org.moviestream.pipeline.windows;

import java.io.Serializable;
import java.time.Instant;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.moviestream.pipeline.durability.WindowAggregate;

/**
 * One firing of a person's event-time window: whose and which window (the ratings themselves are
 * read back from Cassandra).
 */
@DefaultCoder(SerializableCoder.class)
public record WindowPane(String name, Instant windowStart, Instant windowEnd)
    implements Serializable, WindowAggregate {

  @Override
  public String owner() {
    return name;
  }

  @Override
  public long windowEndMillis() {
    return windowEnd.toEpochMilli();
  }
}
