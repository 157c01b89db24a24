package org.moviestream.pipeline.model;

import org.apache.beam.sdk.coders.DefaultCoder;
import org.moviestream.pipeline.coders.ModelCoders;
import java.io.Serializable;
import org.moviestream.catalog.CatalogEntry;

/** A rating joined with its title's catalog entry. */
@DefaultCoder(ModelCoders.EnrichedRatingCoder.class)
public record EnrichedRating(Rating rating, CatalogEntry title) implements Serializable {}
