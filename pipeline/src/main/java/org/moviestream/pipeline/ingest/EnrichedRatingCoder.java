package org.moviestream.pipeline.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderProvider;
import org.apache.beam.sdk.coders.CoderProviders;
import org.apache.beam.sdk.values.TypeDescriptor;

public final class EnrichedRatingCoder extends AtomicCoder<EnrichedRating> {
  public static final EnrichedRatingCoder INSTANCE = new EnrichedRatingCoder();

  public static EnrichedRatingCoder of() {
    return INSTANCE;
  }

  /** For {@code @DefaultCoder}. */
  public static CoderProvider getCoderProvider() {
    return CoderProviders.forCoder(TypeDescriptor.of(EnrichedRating.class), INSTANCE);
  }

  @Override
  public void encode(EnrichedRating value, OutputStream out) throws IOException {
    RatingCoder.INSTANCE.encode(value.rating(), out);
    CatalogEntryCoder.INSTANCE.encode(value.catalog(), out);
  }

  @Override
  public EnrichedRating decode(InputStream in) throws IOException {
    return new EnrichedRating(
        RatingCoder.INSTANCE.decode(in), CatalogEntryCoder.INSTANCE.decode(in));
  }
}
