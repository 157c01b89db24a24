package org.moviestream.pipeline.model;

import java.io.Serializable;
import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.catalog.CatalogEntry;
import org.moviestream.pipeline.coders.ModelCoders;

/** A rating joined with its title's catalog entry. */
@DefaultCoder(ModelCoders.EnrichedRatingCoder.class)
public record EnrichedRating(Rating rating, CatalogEntry catalog) implements Serializable {

  /** Where the rating was read. */
  public SourceOffset source() {
    return rating.source();
  }

  /** The message exactly as it arrived. */
  public String payload() {
    return rating.payload();
  }
}
