package org.moviestream.pipeline.ingest;

import static org.moviestream.pipeline.coders.FieldCoders.instant;
import static org.moviestream.pipeline.coders.FieldCoders.integer;
import static org.moviestream.pipeline.coders.FieldCoders.string;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.moviestream.pipeline.durability.SourceKeyCoder;

public final class RatingCoder extends AtomicCoder<Rating> {
  public static final RatingCoder INSTANCE = new RatingCoder();

  public static RatingCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(Rating.class), INSTANCE);
  }

  @Override
  public void encode(Rating value, OutputStream out) throws IOException {
    string(value.name(), out);
    string(value.movie(), out);
    integer(value.ratingMovie(), out);
    instant(value.timestamp(), out);
    SourceKeyCoder.INSTANCE.encode(value.source(), out);
    string(value.payload(), out);
  }

  @Override
  public Rating decode(InputStream in) throws IOException {
    return new Rating(
        string(in),
        string(in),
        integer(in),
        instant(in),
        SourceKeyCoder.INSTANCE.decode(in),
        string(in));
  }
}
