package org.moviestream.pipeline.ingest;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.contract.SourceKey;

/** A rating joined with its title's catalog entry. */
@DefaultCoder(EnrichedRatingCoder.class)
public record EnrichedRating(Rating rating, CatalogEntry catalog) implements Serializable {

  /** Where the rating was read. */
  public SourceKey source() {
    return rating.source();
  }

  /** The message exactly as it arrived. */
  public String payload() {
    return rating.payload();
  }
}
